using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Onboarding;

/// <summary>
/// The tables this capability owns, as properties of the platform's one context. Another capability that names them
/// takes a visible dependency on this one: it should rather call this capability's services or react to its events.
/// </summary>
public static class OnboardingTables
{
    extension(ServiceProDbContext db)
    {
        public DbSet<OnboardingStepRecord> OnboardingProgress => db.Set<OnboardingStepRecord>();

        public DbSet<A2pRegistration> A2pRegistrations => db.Set<A2pRegistration>();
    }
}
