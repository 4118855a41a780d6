using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ServicePro.Host.Hosting;

namespace ServicePro.Host.Validation;

/// <summary>
/// Request shape checks by the framework: every endpoint's parameters and bodies are validated against the attributes
/// in this folder (and DataAnnotations) before its handler runs, and a failure answers a field-level 400 problem. What
/// the rules are lives here once; business rules (a name already taken, a slot already booked) stay in the services.
/// </summary>
public sealed class ValidationModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddValidation();
        builder.Services.Configure<ProblemDetailsOptions>(o =>
        {
            var earlier = o.CustomizeProblemDetails;
            o.CustomizeProblemDetails = context =>
            {
                earlier?.Invoke(context);
                if (context.ProblemDetails is HttpValidationProblemDetails validation)
                {
                    SpeakJson(validation);
                }
            };
        });
    }

    /// <summary>
    /// The framework keys errors by C# member ("Owner.Email"); clients sent, and forms show, the JSON names
    /// ("owner.email"), as every hand-made problem of ours already does.
    /// </summary>
    private static void SpeakJson(HttpValidationProblemDetails problem)
    {
        var errors = problem.Errors.ToList();
        problem.Errors.Clear();
        foreach (var (key, messages) in errors)
        {
            var name = string.Join('.', key.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
            problem.Errors[name] = problem.Errors.TryGetValue(name, out var more) ? [.. more, .. messages] : messages;
        }

        if (problem.Title == "One or more validation errors occurred.")
        {
            problem.Title = Problems.InvalidTitle;
        }
    }
}
