using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Summaries.ServiceDefaults.Security;
using Summaries.ServiceDefaults.Security.Auth;

namespace Summaries.ServiceDefaults.Tests.Security.Auth;

public sealed class AuthOptionsTests
{
    private const string GoodKey = "0123456789abcdef0123";

    [Fact]
    public void Validate_Disabled_NoProblemsEvenWithoutKeys() =>
        Assert.Empty(Problems(new AuthOptions()));

    [Fact]
    public void Validate_EnabledWithoutKeys_SaysSo() =>
        Assert.Contains("Auth:Enabled is true but no Auth:Keys are configured.", Problems(new AuthOptions { Enabled = true }));

    [Fact]
    public void Validate_EmptyShortAndDuplicateKeys_NamedByIndexAndIdNeverByValue()
    {
        var options = new AuthOptions
        {
            Enabled = true,
            Keys =
            [
                new ApiKeyOptions { Id = "a", Key = "" },
                new ApiKeyOptions { Id = "b", Key = "short-secret" },
                new ApiKeyOptions { Id = "c", Key = GoodKey },
                new ApiKeyOptions { Id = "c", Key = GoodKey + "x" },
                new ApiKeyOptions { Id = "", Key = GoodKey },
            ],
        };

        var problems = Problems(options);

        Assert.Contains("Auth:Keys:0:Key (id 'a') is empty.", problems);
        Assert.Contains("Auth:Keys:1:Key (id 'b') is shorter than 16 characters.", problems);
        Assert.Contains("Auth:Keys: the id 'c' is used more than once.", problems);
        Assert.Contains("Auth:Keys:4:Id is empty.", problems);
        Assert.Contains("Auth:Keys: two ids share one key; give each caller its own.", problems);
        Assert.DoesNotContain(problems, p => p.Contains("short-secret", StringComparison.Ordinal) || p.Contains(GoodKey, StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_NoAnonymousSetting_HealthAndBothReflectionVersions()
    {
        var options = Bind(new Dictionary<string, string?> { ["Auth:Enabled"] = "true" });

        Assert.Equal(
            new HashSet<string> { GrpcServices.Health, GrpcServices.ReflectionV1, GrpcServices.ReflectionV1Alpha },
            options.EffectiveAnonymousServices);
    }

    [Fact]
    public void Bind_OneAnonymousService_OnlyThatOne()
    {
        var options = Bind(new Dictionary<string, string?> { ["Auth:AnonymousServices:0"] = GrpcServices.Health });

        Assert.Equal(new HashSet<string> { GrpcServices.Health }, options.EffectiveAnonymousServices);
    }

    [Fact]
    public void Bind_SingleEmptyEntry_NothingAnonymous()
    {
        // What Auth__AnonymousServices__0= in the environment becomes.
        var options = Bind(new Dictionary<string, string?> { ["Auth:AnonymousServices:0"] = string.Empty });

        Assert.Empty(options.EffectiveAnonymousServices);
    }

    [Fact]
    public void Bind_EmptyJsonArray_NothingAnonymous()
    {
        var json = """{ "Auth": { "AnonymousServices": [] } }""";
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();
        var options = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();

        Assert.Empty(options.EffectiveAnonymousServices);
    }

    private static AuthOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new AuthOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(AuthOptions.SectionName).Bind(options);
        return options;
    }

    private static List<string> Problems(AuthOptions options) =>
        options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!).ToList();
}
