using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServicePro.Abstractions;
using ServicePro.Host.Hosting;
using ServicePro.Host.Plugins;

namespace ServicePro.Tests.Packs;

/// <summary>The packs as the host loads them (through the plugin loader, from the built plugin folders).</summary>
public sealed class IndustryPackContentTests
{
    private static readonly PluginCatalog Catalog = new(Options.Create(new PluginsOptions()), NullLogger<PluginCatalog>.Instance);

    public static TheoryData<string> Packs => new() { "auto_detail", "lawn_care", "pet_grooming", "house_cleaning", "custom" };

    [Theory]
    [InlineData("auto_detail", "Full Detail", 150, 250, 150)]
    [InlineData("auto_detail", "Interior Detail", 100, 150, 90)]
    [InlineData("auto_detail", "Exterior Wash & Wax", 75, 125, 60)]
    [InlineData("auto_detail", "Ceramic Coating", 500, 1000, 240)]
    [InlineData("lawn_care", "Mowing & Edging", 35, 75, 30)]
    [InlineData("lawn_care", "Fertilization", 50, 100, 45)]
    [InlineData("lawn_care", "Aeration", 75, 150, 60)]
    [InlineData("pet_grooming", "Basic Bath", 40, 80, 60)]
    [InlineData("pet_grooming", "Full Groom", 60, 120, 90)]
    [InlineData("pet_grooming", "Nail Trim", 15, 25, 15)]
    [InlineData("house_cleaning", "Standard Cleaning", 100, 200, 120)]
    [InlineData("house_cleaning", "Deep Cleaning", 200, 400, 240)]
    [InlineData("house_cleaning", "Move-In/Out", 250, 500, 300)]
    public void Each_pack_carries_the_seeds_services(string pack, string name, int min, int max, int minutes)
    {
        var service = Assert.Single(Pack(pack).DefaultServices, s => s.Name == name);

        Assert.Equal((min, max, minutes), ((int)service.PriceMin, (int)service.PriceMax, service.DurationMinutes));
    }

    [Theory]
    [InlineData("auto_detail", "vehicle_size", "condition")]
    [InlineData("lawn_care", "lot_size_sqft", "grass_height")]
    [InlineData("pet_grooming", "species", "breed", "weight_lb", "temperament")]
    [InlineData("house_cleaning", "bedrooms", "bathrooms", "square_feet")]
    public void Each_pack_asks_what_its_trade_needs_to_know(string pack, params string[] keys)
    {
        var fields = Pack(pack).IntakeFields.Select(f => f.Key).ToHashSet();

        Assert.All(keys, k => Assert.Contains(k, fields));
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Each_pack_has_every_message_moment_in_SMS_and_email_naming_the_business(string slug)
    {
        var pack = Pack(slug);

        foreach (var moment in MessageMoments.All)
        {
            var sms = pack.SmsTemplates[moment];
            Assert.Contains("{{ business.name }}", sms);
            Assert.True(sms.Length <= 320, $"{slug} {moment} SMS is {sms.Length} characters");
            Assert.False(string.IsNullOrWhiteSpace(pack.EmailTemplates[moment].Subject));
            Assert.True(pack.EmailTemplates[moment].Body.Length > 40);
        }

        Assert.Contains("STOP", pack.SmsTemplates[MessageMoments.BookingConfirmation]);
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Each_pack_has_sane_weather_scheduler_loyalty_and_prompt_content(string slug)
    {
        var pack = Pack(slug);

        Assert.True(pack.Weather.TempMinF < pack.Weather.TempMaxF);
        Assert.True(pack.Weather.WindThresholdMph > 0 && pack.Weather.RainThresholdInches > 0);
        Assert.InRange(pack.Scheduler.DepositPercentage, 0, 100);
        Assert.Equal(pack.Scheduler.RequireDeposit, pack.Scheduler.DepositPercentage > 0);
        Assert.Equal(0, pack.Loyalty.Tiers[0].MinPoints);
        Assert.Equal(pack.Loyalty.Tiers.OrderBy(t => t.MinPoints).Select(t => t.Name), pack.Loyalty.Tiers.Select(t => t.Name));
        Assert.True(pack.AiPrompts.SystemPrompt.Length > 300, "system prompt is a real prompt");
        Assert.Empty(IndustryPackRules.Check(pack, slug));
    }

    [Fact]
    public void Outdoor_trades_cancel_on_rain_and_indoor_ones_do_not()
    {
        Assert.True(Pack("auto_detail").Weather.CancelOnRain);
        Assert.True(Pack("lawn_care").Weather.CancelOnRain);
        Assert.False(Pack("pet_grooming").Weather.CancelOnRain);
        Assert.False(Pack("house_cleaning").Weather.CancelOnRain);
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Estimates_stay_within_each_services_ranges_for_any_valid_answers(string slug)
    {
        var pack = Pack(slug);
        var random = new Random(20261123);
        for (var i = 0; i < 500; i++)
        {
            var answers = RandomAnswers(pack.IntakeFields, random);
            Assert.Empty(IntakeValidator.Validate(pack.IntakeFields, answers));
            foreach (var service in pack.DefaultServices)
            {
                var estimate = pack.Estimate(service, new IntakeAnswers(answers));
                Assert.InRange(estimate.Price, service.PriceMin, service.PriceMax);
                Assert.InRange(estimate.DurationMinutes, service.DurationMinutes, service.MaxDurationMinutes);
                Assert.Equal(estimate, pack.Estimate(service, new IntakeAnswers(answers)) with { Adjustments = estimate.Adjustments });
            }
        }
    }

    [Theory]
    [InlineData("auto_detail", "Full Detail", "vehicle_size", "compact", "van")]
    [InlineData("lawn_care", "Mowing & Edging", "lot_size_sqft", "3000", "30000")]
    [InlineData("pet_grooming", "Full Groom", "weight_lb", "10", "95")]
    [InlineData("house_cleaning", "Deep Cleaning", "bedrooms", "1", "6")]
    public void A_bigger_job_never_costs_less(string slug, string serviceName, string field, string small, string large)
    {
        var pack = Pack(slug);
        var service = pack.DefaultServices.Single(s => s.Name == serviceName);
        var baseAnswers = MinimalAnswers(pack.IntakeFields);

        var smallJob = pack.Estimate(service, new IntakeAnswers(new Dictionary<string, string>(baseAnswers) { [field] = small }));
        var largeJob = pack.Estimate(service, new IntakeAnswers(new Dictionary<string, string>(baseAnswers) { [field] = large }));

        Assert.True(largeJob.Price > smallJob.Price, $"{large}: {largeJob.Price} vs {small}: {smallJob.Price}");
        Assert.True(largeJob.DurationMinutes >= smallJob.DurationMinutes);
        Assert.NotEmpty(largeJob.Adjustments);
    }

    private static IIndustryPack Pack(string slug) => Catalog.FindPack(slug) ?? throw new InvalidOperationException($"{slug} did not load");

    private static Dictionary<string, string> MinimalAnswers(IReadOnlyList<IntakeField> fields) =>
        fields.Where(f => f.Required).ToDictionary(f => f.Key, f => f.Type switch
        {
            IntakeFieldType.Choice => f.Options![0].Value,
            IntakeFieldType.Number => (f.Min ?? 1).ToString(CultureInfo.InvariantCulture),
            IntakeFieldType.YesNo => "false",
            _ => "x",
        });

    private static Dictionary<string, string> RandomAnswers(IReadOnlyList<IntakeField> fields, Random random)
    {
        var answers = new Dictionary<string, string>();
        foreach (var field in fields.Where(f => f.Required || random.Next(2) == 0))
        {
            answers[field.Key] = field.Type switch
            {
                IntakeFieldType.Choice => field.Options![random.Next(field.Options.Count)].Value,
                IntakeFieldType.Number => Math.Round((decimal)random.NextDouble() * ((field.Max ?? 100) - (field.Min ?? 0)) + (field.Min ?? 0), 1)
                    .ToString(CultureInfo.InvariantCulture),
                IntakeFieldType.YesNo => random.Next(2) == 0 ? "true" : "false",
                _ => "Some text",
            };
        }

        return answers;
    }
}
