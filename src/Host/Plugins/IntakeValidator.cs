using System.Globalization;
using ServicePro.Abstractions;

namespace ServicePro.Host.Plugins;

/// <summary>Checks a booking's answers against a pack's intake fields; errors are keyed by field for ProblemDetails.</summary>
public static class IntakeValidator
{
    public const int MaxTextLength = 200;

    /// <param name="partial">When true, required questions may go unanswered: a saved customer asset keeps what is
    /// known so far and the booking asks the rest. What is answered is still checked.</param>
    public static Dictionary<string, string[]> Validate(
        IReadOnlyList<IntakeField> fields, IReadOnlyDictionary<string, string> answers, bool partial = false)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var unknown in answers.Keys.Where(k => fields.All(f => f.Key != k)))
        {
            errors[unknown] = ["This question is not part of the booking form."];
        }

        foreach (var field in fields)
        {
            var value = answers.GetValueOrDefault(field.Key);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (field.Required && !partial)
                {
                    errors[field.Key] = [$"{field.Label} is required."];
                }

                continue;
            }

            var error = field.Type switch
            {
                IntakeFieldType.Choice when field.Options!.All(o => o.Value != value) =>
                    $"{field.Label} must be one of: {string.Join(", ", field.Options!.Select(o => o.Value))}.",
                IntakeFieldType.Number => CheckNumber(field, value),
                IntakeFieldType.YesNo when !bool.TryParse(value, out _) => $"{field.Label} must be true or false.",
                IntakeFieldType.Text when value.Length > MaxTextLength => $"{field.Label} must be at most {MaxTextLength} characters.",
                _ => null,
            };
            if (error is not null)
            {
                errors[field.Key] = [error];
            }
        }

        return errors;
    }

    private static string? CheckNumber(IntakeField field, string value)
    {
        if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return $"{field.Label} must be a number.";
        }

        if (field.Min is { } min && number < min || field.Max is { } max && number > max)
        {
            return $"{field.Label} must be between {field.Min} and {field.Max}{(field.Unit is null ? "" : " " + field.Unit)}.";
        }

        return null;
    }
}
