namespace ServicePro.Abstractions;

/// <summary>A pack's price and time for one job, with the reasons a customer can read.</summary>
public sealed record JobEstimate(decimal Price, int DurationMinutes, IReadOnlyList<string> Adjustments);
