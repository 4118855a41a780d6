using Autofac;

namespace ServicePro.Host.Plugins;

/// <summary>
/// The plugin catalog and what it exposes. One container for all tenants: packs are shared singletons and
/// a tenant picks its pack by slug (docs/decisions/0002-plugin-contract.md).
/// </summary>
public sealed class PluginsModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<PluginCatalog>().AsSelf().SingleInstance();
        builder.RegisterType<IndustryPackRegistry>().AsSelf().InstancePerLifetimeScope();
    }
}
