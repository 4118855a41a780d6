using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServicePro.Host.Hosting.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> (and the reference page at <c>/scalar</c> that reads it), made to say
/// what the API does: every answer an operation can give with its schema, who may call it and how, and where.
/// </summary>
public static class ServiceProOpenApi
{
    public static IServiceCollection AddServiceProOpenApi(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Transient<IApiDescriptionProvider, ConventionalProblems>());
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<SecurityRequirements>();
            o.AddOperationTransformer<SecurityRequirements>();
            o.AddDocumentTransformer<ApiAddresses>();
            o.AddOperationTransformer<ApiAddresses>();
            o.AddSchemaTransformer<RequiredMembers>();
            o.AddDocumentTransformer<RequiredMembers>();
        });
        return services;
    }
}
