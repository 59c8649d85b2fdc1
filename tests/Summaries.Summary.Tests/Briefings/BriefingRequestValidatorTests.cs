using Summaries.Contracts.Summary.V1;
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
        var options = new BriefingOptions { Length = (BriefingLength)99, Engine = (EnginePreference)(-5) };

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

    [Fact]
    public void ParseFilter_EmptyOrOneArticle_NullOrThatArticle()
    {
        Assert.Null(BriefingRequestValidator.ParseFilter(" "));
        Assert.Equal("articles/x", BriefingRequestValidator.ParseFilter(" article = \"articles/x\" "));
    }

    [Theory]
    [InlineData("article = \"articles/x\" OR 1=1")]
    [InlineData("source = \"x\"")]
    [InlineData("article = \"stories/x\"")]
    [InlineData("article != \"articles/x\"")]
    [InlineData("article = \"articles/x\" AND article = \"articles/y\"")]
    public void ParseFilter_Unsupported_ReportsFilter(string filter) =>
        Assert.Equal(["filter"], Fields(() => BriefingRequestValidator.ParseFilter(filter)));

    [Fact]
    public void ParseFilter_OverTheLengthLimit_ReportsFilterLength()
    {
        var ex = Assert.Throws<ValidationException>(() => BriefingRequestValidator.ParseFilter("article = \"articles/x\"" + new string(' ', 2_000)));

        Assert.Contains("at most 2000 characters", Assert.Single(ex.Problems).Description, StringComparison.Ordinal);
    }

    private static BriefingScope Names(params string[] names) => new(names, null, null, null);

    private static List<string> Fields(Func<object?> call) =>
        Assert.Throws<ValidationException>(() => call()).Problems.Select(p => p.Field).Order(StringComparer.Ordinal).ToList();
}
