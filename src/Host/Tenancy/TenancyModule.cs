using Autofac;
using ServicePro.Host.Features;

namespace ServicePro.Host.Tenancy;

public sealed class TenancyModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<TenantDirectory>().AsSelf().SingleInstance();
        builder.RegisterType<TenantScopeFactory>().AsSelf().SingleInstance();
        builder.RegisterType<TenantFlagStore>().AsSelf().SingleInstance();
        builder.RegisterType<TenantChanges>().AsSelf().As<IHostedService>().SingleInstance();
        builder.RegisterType<TenantAdministration>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<RootTenantSeeder>().AsSelf().InstancePerLifetimeScope();
    }
}
