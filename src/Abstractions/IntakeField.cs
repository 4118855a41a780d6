namespace ServicePro.Abstractions;

public enum IntakeFieldType
{
    /// <summary>One of <see cref="IntakeField.Options"/>, answered with the option's value.</summary>
    Choice,

    /// <summary>A number between <see cref="IntakeField.Min"/> and <see cref="IntakeField.Max"/>.</summary>
    Number,

    /// <summary>Free text up to 200 characters.</summary>
    Text,

    /// <summary>"true" or "false".</summary>
    YesNo,
}

public sealed record IntakeOption(string Value, string Label);

/// <summary>One question a booking asks (e.g. vehicle size, lot size, pet weight).</summary>
public sealed record IntakeField(
    string Key,
    string Label,
    IntakeFieldType Type,
    bool Required,
    IReadOnlyList<IntakeOption>? Options = null,
    decimal? Min = null,
    decimal? Max = null,
    string? Unit = null,
    string? Help = null);
