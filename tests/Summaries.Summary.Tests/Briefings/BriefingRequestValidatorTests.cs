using Summaries.ServiceDefaults.Errors;
using Summaries.Summary.Briefings;

namespace Summaries.Summary.Tests.Briefings;

public sealed class BriefingRequestValidatorTests
{
    private static readonly BriefingOptions Defaults = new();

    [Fact]
    public void Validate_RepeatedNames_DistinctInOrder()
    {
        var names = BriefingRequestValidator.Validate(Names("articles/b", "articles/a", "articles/b"), Defaults);

        Assert.Equal(["articles/b", "articles/a"], names);
    }

    [Fact]
    public void Validate_SeveralBadNamesAndUnknownEnums_AllReportedAtOnce()
    {
        var options = new BriefingOptions((BriefingLength)99, (EnginePreference)(-5));

        var fields = Fields(() => BriefingRequestValidator.Validate(Names("x", "articles/ok", "articles/a\0b"), options));

        Assert.Equal(["article_names[0]", "article_names[2]", "options.engine", "options.length"], fields);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void Validate_NoneOrTooManyNames_ReportsArticleNames(int count) =>
        Assert.Equal(["article_names"], Fields(() => BriefingRequestValidator.Validate(
            Names(Enumerable.Range(0, count).Select(i => $"articles/a{i}").ToArray()), Defaults)));

    [Fact]
    public void Validate_EntityWithNamesBadEntityAndInvertedWindow_AllReported()
    {
        var scope = new BriefingScope(["articles/a"], "Xi Jinping", DateTimeOffset.UnixEpoch.AddDays(2), DateTimeOffset.UnixEpoch);

        Assert.Equal(["article_names", "end_time", "entity"], Fields(() => BriefingRequestValidator.Validate(scope, Defaults)));
    }

    private static BriefingScope Names(params string[] names) => new(names, null, null, null);

    private static List<string> Fields(Func<object?> call) =>
        Assert.Throws<ValidationException>(() => call()).Problems.Select(p => p.Field).Order(StringComparer.Ordinal).ToList();
}
