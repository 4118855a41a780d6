namespace ServicePro.Host.Customers;

/// <summary>What a customer's asset is called in each trade, when the request does not say.</summary>
/// <remarks>Kept here rather than in the pack contract: a pack added by a partner gets the neutral "asset" until the
/// contract grows a field for it.</remarks>
public static class AssetKinds
{
    public const string Fallback = "asset";

    private static readonly Dictionary<string, string> ByIndustry = new()
    {
        ["auto_detail"] = "vehicle",
        ["lawn_care"] = "property",
        ["pet_grooming"] = "pet",
        ["house_cleaning"] = "home",
    };

    public static string DefaultFor(string industry) => ByIndustry.GetValueOrDefault(industry, Fallback);
}
