using ServicePro.Host.Integrations.Twilio;

namespace ServicePro.Tests.Integrations;

/// <summary>Twilio's own request-validation vectors (auth token 12345), from its official .NET library's test suite.</summary>
public sealed class TwilioSignatureTests
{
    private const string Token = "12345";
    private const string Body = "{\"property\": \"value\", \"boolean\": true}";
    private const string BodyHash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

    // Deliberately out of order: the signature sorts them.
    private static readonly KeyValuePair<string, string>[] Form =
    [
        new("CallSid", "CA1234567890ABCDE"), new("From", "+14158675309"), new("Digits", "1234"),
        new("To", "+18005551212"), new("Caller", "+14158675309"),
    ];

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("https://MyCompany.com/myapp.php?foo=1&bar=2", "g9IN/x4Cft2g517EjYvEvM/W7LU=")]
    [InlineData("https://MyCompany.com:1234/myapp.php?foo=1&bar=2", "PCqOZm8cnu/L6+u5i5fuEd+Iac4=")]
    [InlineData("http://MyCompany.com/myapp.php?foo=1&bar=2", "XY7AlKOKL6im4yWyX84gldUrtis=")]
    [InlineData("http://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "PJ08CxXr7KLPjEQCTc8LkUSMwSM=")]
    [InlineData("HTTP://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "hy/l8pca+LFms4cvRdv8uiP6NGc=")]
    [InlineData("http://Username:Password@MyCompany.com/myapp.php?foo=1&bar=2", "SkTSKyDJH9kUlhItI0slbgZ1UsI=")]
    [InlineData("https://mycompany.com:1234/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")] // port removed
    [InlineData("http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=")] // :443 added
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=")] // :80 added
    [InlineData("https://mycompany.com:1234/myapp.php?foo=1&bar=2", "CYn1h0gLBdNxDGkKJg6hYohgeD8=")] // custom port kept
    public void Twilios_official_vectors_validate(string url, string signature) =>
        Assert.True(TwilioSignature.IsValid(Token, url, Form, signature));

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("https://MyCompany.com/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("https://MyCompany.com:1234/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("http://MyCompany.com/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "")]
    public void A_wrong_or_missing_signature_fails(string url, string signature) =>
        Assert.False(TwilioSignature.IsValid(Token, url, Form, signature));

    [Fact]
    public void A_tampered_parameter_or_another_token_fails()
    {
        var tampered = Form.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "9999") : p);

        Assert.False(TwilioSignature.IsValid(Token, "https://mycompany.com/myapp.php?foo=1&bar=2", tampered, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        Assert.False(TwilioSignature.IsValid("54321", "https://mycompany.com/myapp.php?foo=1&bar=2", Form, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    [Fact]
    public void Repeated_parameters_are_signed_sorted_by_value()
    {
        KeyValuePair<string, string>[] media = [new("MediaUrl", "b"), new("MediaUrl", "a"), new("Body", "hi")];
        var expected = TwilioSignature.Compute(Token, "https://x.example/hook", [new("Body", "hi"), new("MediaUrl", "a"), new("MediaUrl", "b")]);

        Assert.True(TwilioSignature.IsValid(Token, "https://x.example/hook", media, expected));
    }

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=" + BodyHash, Body, "a9nBmqA0ju/hNViExpshrM61xv4=", true)]
    [InlineData("https://mycompany.com/myapp.php?bodySHA256=" + BodyHash, Body, "y77kIzt2vzLz71DgmJGsen2scGs=", true)]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", Body, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", false)] // no body hash in the URL
    [InlineData("https://mycompany.com/myapp.php?bodySHA256=" + BodyHash, Body + " ", "y77kIzt2vzLz71DgmJGsen2scGs=", false)] // body changed
    public void JSON_webhooks_sign_the_URL_and_carry_the_bodys_hash(string url, string body, string signature, bool valid) =>
        Assert.Equal(valid, TwilioSignature.IsValidJson(Token, url, body, signature));
}
