using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Scanner.Tests.Integration.Infrastructure;

/// <summary>
/// Implicit stream subscriptions are per namespace for every grain class a silo hosts: a test silo would activate the
/// production ticker grain next to a test's probe grain (or the probe next to the ticker) for every stream. A test
/// leaves out the classes it is not about.
/// </summary>
public static class GrainSelection
{
    public static ISiloBuilder WithoutGrains(this ISiloBuilder silo, params Type[] grainClasses)
    {
        silo.Services.PostConfigure<GrainTypeOptions>(options =>
        {
            foreach (var grainClass in grainClasses)
            {
                options.Classes.Remove(grainClass);
            }
        });
        return silo;
    }
}
