namespace ServicePro.Host.Customers;

/// <summary>Normalizes phone numbers to E.164; bare 10-digit numbers are taken as North American (+1).</summary>
public static class PhoneNumbers
{
    public static string? ToE164(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var trimmed = input.Trim();
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (trimmed.StartsWith('+'))
        {
            return digits.Length is >= 8 and <= 15 && digits[0] != '0' ? "+" + digits : null;
        }

        return digits.Length switch
        {
            10 when digits[0] is >= '2' and <= '9' => "+1" + digits,
            11 when digits[0] == '1' && digits[1] is >= '2' and <= '9' => "+" + digits,
            _ => null,
        };
    }
}
