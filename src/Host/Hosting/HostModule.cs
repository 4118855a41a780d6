namespace ServicePro.Host.Hosting;

/// <summary>
/// One capability of the host, registered from its own folder: its services, options, recurring jobs, start-up
/// tasks and host commands (<see cref="AddServices"/>) and its endpoints (<see cref="MapEndpoints"/>). Its Razor pages
/// live in its <c>Pages/</c> folder and are found by the admin shell. <c>Program.cs</c> lists the modules and nothing
/// else (docs/decisions/0014-capability-modules.md).
/// </summary>
public abstract class HostModule
{
    public virtual void AddServices(WebApplicationBuilder builder)
    {
    }

    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
