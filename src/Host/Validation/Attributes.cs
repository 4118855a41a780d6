using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace ServicePro.Host.Validation;

// The rules of this folder as attributes for request records: the framework checks them before a handler runs and
// answers a field-level 400. Absent (null) values pass: whether a member must be given is [Required]'s business.

/// <summary>Text of at most <paramref name="maxLength"/> characters without control characters (line breaks allowed when multi-line).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class TextAttribute(int maxLength) : ValidationAttribute
{
    public int MaxLength => maxLength;

    public bool Multiline { get; init; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && TextRules.Problem(text, maxLength, Multiline) is { } problem ? Fail(problem, validationContext) : ValidationResult.Success;

    internal static ValidationResult Fail(string message, ValidationContext context) =>
        new(message, context.MemberName is { } member ? [member] : null);
}

/// <summary>
/// A rule over one piece of text with one way to be wrong. Empty text counts as not given when <see cref="BlankIsAbsent"/>
/// (an optional e-mail left empty), and as wrong otherwise (a colour or a slug is never empty).
/// </summary>
public abstract class TextRuleAttribute : ValidationAttribute
{
    protected virtual bool BlankIsAbsent => true;

    protected abstract string Refusal { get; }

    protected abstract bool Accepts(string text);

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && !(BlankIsAbsent && string.IsNullOrWhiteSpace(text)) && !Accepts(text)
            ? TextAttribute.Fail(Refusal, validationContext)
            : ValidationResult.Success;
}

/// <summary>An e-mail address a message could be sent to (<see cref="EmailRules"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class EmailAttribute : TextRuleAttribute
{
    protected override string Refusal => "Enter an e-mail address such as name@example.com.";

    protected override bool Accepts(string text) => EmailRules.IsValid(text);
}

/// <summary>A valid phone number, in any common writing (<see cref="PhoneRules"/>); stored as E.164 by the service.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class PhoneNumberAttribute : TextRuleAttribute
{
    protected override string Refusal => "Enter a phone number such as (918) 555-0123 or +19185550123.";

    protected override bool Accepts(string text) => PhoneRules.IsValid(text);
}

/// <summary>An absolute http(s) address (https only when <see cref="HttpsOnly"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class WebAddressAttribute : TextRuleAttribute
{
    public bool HttpsOnly { get; init; }

    protected override string Refusal =>
        HttpsOnly ? "Enter an address starting with https://." : "Enter an address starting with https:// or http://.";

    protected override bool Accepts(string text) => WebAddressRules.IsValid(text, HttpsOnly);
}

/// <summary>A six-digit hex colour such as #2563EB.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class ColourAttribute : TextRuleAttribute
{
    protected override bool BlankIsAbsent => false;

    protected override string Refusal => "Use a hex colour such as #2563EB.";

    protected override bool Accepts(string text) => ColourRules.IsValid(text);
}

/// <summary>A short name for an address: 2–63 lower-case letters, digits or hyphens, starting with a letter.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class SlugAttribute : TextRuleAttribute
{
    protected override bool BlankIsAbsent => false;

    protected override string Refusal => "Use 2–63 lower-case letters, digits or hyphens, starting with a letter.";

    protected override bool Accepts(string text) => SlugRules.IsValid(text);
}

/// <summary>A date or moment between 2000 and 2099 (<see cref="DateRules"/>); a missing moment reads as year 1 and fails too.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class PlausibleDateAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) => value switch
    {
        DateOnly date when !DateRules.IsPlausible(date) => TextAttribute.Fail(DateRules.Message, validationContext),
        DateTimeOffset moment when !DateRules.IsPlausible(moment) => TextAttribute.Fail(DateRules.Message, validationContext),
        _ => ValidationResult.Success,
    };
}

/// <summary>A latitude, −90 to 90.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class LatitudeAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is double latitude && !GeoRules.IsLatitude(latitude)
            ? TextAttribute.Fail("Latitude is between −90 and 90.", validationContext)
            : ValidationResult.Success;
}

/// <summary>A longitude, −180 to 180.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class LongitudeAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is double longitude && !GeoRules.IsLongitude(longitude)
            ? TextAttribute.Fail("Longitude is between −180 and 180.", validationContext)
            : ValidationResult.Success;
}

/// <summary>
/// A list of at most <paramref name="maxCount"/> items with no null among them; text items are checked like
/// <see cref="TextAttribute"/> with <paramref name="maxLength"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class ItemsAttribute(int maxCount, int maxLength = TextRules.Line) : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not IEnumerable items || value is string)
        {
            return ValidationResult.Success;
        }

        var count = 0;
        foreach (var item in items)
        {
            if (++count > maxCount)
            {
                return TextAttribute.Fail($"Give at most {maxCount:N0}.", validationContext);
            }

            var problem = item switch
            {
                null => "Leave out the empty entries.",
                string text => TextRules.Problem(text, maxLength),
                _ => null,
            };
            if (problem is not null)
            {
                return TextAttribute.Fail(problem, validationContext);
            }
        }

        return ValidationResult.Success;
    }
}

/// <summary>Answers by key (intake answers, an integration's settings): at most <paramref name="maxCount"/>, keys and values checked as text.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class TextMapAttribute(int maxCount, int maxValueLength = TextRules.Note) : ValidationAttribute
{
    private const int MaxKeyLength = 100;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not IDictionary map)
        {
            return ValidationResult.Success;
        }

        if (map.Count > maxCount)
        {
            return TextAttribute.Fail($"Give at most {maxCount:N0}.", validationContext);
        }

        foreach (DictionaryEntry entry in map)
        {
            var problem = entry.Key is string key && TextRules.Problem(key, MaxKeyLength) is not null
                ? "One of the names here is too long or holds control characters."
                : entry.Value is string text ? TextRules.Problem(text, maxValueLength, multiline: true) : null;
            if (problem is not null)
            {
                return TextAttribute.Fail(problem, validationContext);
            }
        }

        return ValidationResult.Success;
    }
}
