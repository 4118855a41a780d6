namespace ServicePro.Abstractions;

/// <summary>When outdoor work in this trade should be moved (seed §2.1, migration 0003).</summary>
public sealed record WeatherThresholds(
    bool CancelOnRain,
    bool CancelOnSnow,
    decimal RainThresholdInches,
    int WindThresholdMph,
    int TempMinF,
    int TempMaxF);
