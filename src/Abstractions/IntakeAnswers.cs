using System.Globalization;

namespace ServicePro.Abstractions;

/// <summary>A booking's answers to a pack's <see cref="IntakeField"/>s, already validated by the host.</summary>
public sealed class IntakeAnswers
{
    private readonly IReadOnlyDictionary<string, string> _values;

    public IntakeAnswers(IReadOnlyDictionary<string, string> values) => _values = values;

    public static IntakeAnswers Empty { get; } = new(new Dictionary<string, string>());

    public IReadOnlyDictionary<string, string> Values => _values;

    public string? Text(string key) => _values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

    public decimal? Number(string key) =>
        Text(key) is { } v && decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    public bool YesNo(string key) => Text(key) is { } v && bool.TryParse(v, out var b) && b;
}
