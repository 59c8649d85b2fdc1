using Summaries.ServiceDefaults.Errors;
using Summaries.Summary.Briefings;
using Summaries.Summary.Grpc;
using Wire = Summaries.Contracts.Summary.V1;

namespace Summaries.Summary.Tests.Grpc;

/// <summary>Reading briefing requests off the wire: options, names and ListBriefings' filter.</summary>
public sealed class BriefingRequestsTests
{
    [Fact]
    public void Create_UnknownEnumNumbers_ReachTheValidatorAsTheyCame()
    {
        var request = BriefingRequests.Create(["articles/a"], string.Empty, null, null, string.Empty,
            new Wire.BriefingOptions { Length = (Wire.BriefingLength)99, Engine = Wire.EnginePreference.Builtin, Refresh = true });

        Assert.Equal(new BriefingOptions((BriefingLength)99, EnginePreference.Builtin, Refresh: true), request.Options);
        var ex = Assert.Throws<ValidationException>(() => BriefingRequestValidator.Validate(request.Scope, request.Options));
        Assert.Equal("options.length", Assert.Single(ex.Problems).Field);
    }

    [Fact]
    public void Create_NoOptions_DefaultsKeptUnspecified() =>
        Assert.Equal(new BriefingOptions(), BriefingRequests.Create(["articles/a"], string.Empty, null, null, string.Empty, null).Options);

    [Fact]
    public void OptionEnums_SameNamesAndNumbersAsTheWire()
    {
        Assert.Equal(Pairs<Wire.BriefingLength>(), Pairs<BriefingLength>());
        Assert.Equal(Pairs<Wire.EnginePreference>(), Pairs<EnginePreference>());
    }

    [Fact]
    public void ParseName_BriefingName_ItsIdOtherwiseNameViolation()
    {
        Assert.Equal("0123456789abcdef", BriefingRequests.ParseName("briefings/0123456789abcdef"));
        Assert.Equal("name", Assert.Single(Assert.Throws<ValidationException>(() => BriefingRequests.ParseName("articles/x")).Problems).Field);
    }

    [Fact]
    public void ParseFilter_EmptyOrOneArticle_NullOrThatArticle()
    {
        Assert.Null(BriefingRequests.ParseFilter(" "));
        Assert.Equal("articles/x", BriefingRequests.ParseFilter(" article = \"articles/x\" "));
    }

    [Theory]
    [InlineData("article = \"articles/x\" OR 1=1")]
    [InlineData("source = \"x\"")]
    [InlineData("article = \"stories/x\"")]
    [InlineData("article != \"articles/x\"")]
    [InlineData("article = \"articles/x\" AND article = \"articles/y\"")]
    public void ParseFilter_Unsupported_ReportsFilter(string filter) =>
        Assert.Equal(["filter"], Fields(() => BriefingRequests.ParseFilter(filter)));

    [Fact]
    public void ParseFilter_OverTheLengthLimit_ReportsFilterLength()
    {
        var ex = Assert.Throws<ValidationException>(() => BriefingRequests.ParseFilter("article = \"articles/x\"" + new string(' ', 2_000)));

        Assert.Contains("at most 2000 characters", Assert.Single(ex.Problems).Description, StringComparison.Ordinal);
    }

    private static List<(string, int)> Pairs<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (v.ToString(), Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture))).ToList();

    private static List<string> Fields(Func<object?> call) =>
        Assert.Throws<ValidationException>(() => call()).Problems.Select(p => p.Field).Order(StringComparer.Ordinal).ToList();
}
