namespace ServicePro.Abstractions;

public sealed record LoyaltyTier(string Name, int MinPoints, IReadOnlyList<string> Benefits);

/// <summary>A trade's default loyalty program; tiers are ordered by <see cref="LoyaltyTier.MinPoints"/>.</summary>
public sealed record LoyaltyProgram(decimal PointsPerDollar, IReadOnlyList<LoyaltyTier> Tiers);
