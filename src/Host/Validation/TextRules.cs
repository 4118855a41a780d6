namespace ServicePro.Host.Validation;

/// <summary>What text the platform accepts: the limits by kind of field, and the characters no field may hold.</summary>
public static class TextRules
{
    /// <summary>A person's, business's or service's name.</summary>
    public const int Name = 200;

    /// <summary>A one-line value: an address, a label, a reason.</summary>
    public const int Line = 500;

    /// <summary>A note or a description someone types in a box.</summary>
    public const int Note = 4000;

    /// <summary>A password: long passphrases are welcome, but every attempt is hashed, so not without end.</summary>
    public const int Password = 128;

    /// <summary>An address on the web.</summary>
    public const int WebAddress = 2048;

    /// <summary>
    /// Why <paramref name="text"/> can't be stored, or null when it can: longer than <paramref name="maxLength"/>, or
    /// holding a control character (PostgreSQL refuses NUL outright; the others only make sense as line breaks and tabs
    /// in text that has lines).
    /// </summary>
    public static string? Problem(string text, int maxLength, bool multiline = false)
    {
        if (text.Length > maxLength)
        {
            return $"Use at most {maxLength:N0} characters.";
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return multiline ? "Remove the control characters from this text." : "Keep this to one line, without control characters.";
            }

            // Half of a character that needs two: nothing can encode it (it would fail on its way to the database).
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return "This text has a broken character in it.";
            }
        }

        return null;
    }
}
