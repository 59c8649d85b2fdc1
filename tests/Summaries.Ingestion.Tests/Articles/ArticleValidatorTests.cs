using Summaries.Ingestion.Cleaning;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Options;
using Summaries.Ingestion.Tests.Infrastructure;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Ingestion.Tests.Articles;

public sealed class ArticleValidatorTests
{
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly ArticleValidator _validator;

    public ArticleValidatorTests() =>
        _validator = new ArticleValidator(Microsoft.Extensions.Options.Options.Create(new IngestionLimitsOptions()), _time);

    [Fact]
    public void Validate_ValidArticle_NoProblems() =>
        Assert.Empty(_validator.Validate(TestArticles.Input(), "req-1"));

    [Fact]
    public void Validate_MissingArticle_ReportsArticle() =>
        Assert.Equal("article", Assert.Single(_validator.Validate(null, "")).Field);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_EmptyTitle_ReportsTitle(string title) =>
        AssertSingle(TestArticles.Input() with { Title = title }, "article.title", "must not be empty");

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void Validate_EmptyBody_ReportsBody(string body) =>
        AssertSingle(TestArticles.Input() with { Body = body }, "article.body", "must not be empty");

    [Fact]
    public void Validate_TitleTooLong_ReportsTitle() =>
        AssertSingle(TestArticles.Input() with { Title = new string('t', 1_001) }, "article.title", "at most 1000");

    [Fact]
    public void Validate_TitleAtLimit_NoProblems() =>
        Assert.Empty(_validator.Validate(TestArticles.Input() with { Title = new string('t', 1_000) }, ""));

    [Fact]
    public void Validate_BodyTooLong_ReportsBody()
    {
        var validator = new ArticleValidator(Microsoft.Extensions.Options.Options.Create(new IngestionLimitsOptions { MaxBodyChars = 10 }), _time);
        var problem = Assert.Single(validator.Validate(TestArticles.Input() with { Body = new string('b', 11) }, ""));
        Assert.Equal("article.body", problem.Field);
    }

    [Theory]
    [InlineData("ftp://example.com/a")]
    [InlineData("/relative/path")]
    [InlineData("not a url")]
    [InlineData("javascript:alert(1)")]
    public void Validate_UrlNotHttp_ReportsUrl(string url) =>
        AssertSingle(TestArticles.Input() with { Url = url }, "article.url", "http or https");

    [Fact]
    public void Validate_UrlTooLong_ReportsUrl() =>
        AssertSingle(TestArticles.Input() with { Url = "https://example.com/" + new string('a', 2_048) }, "article.url", "at most 2048");

    [Theory]
    [InlineData("")]
    [InlineData("http://example.com/news?id=1")]
    public void Validate_UrlEmptyOrHttp_NoProblems(string url) =>
        Assert.Empty(_validator.Validate(TestArticles.Input() with { Url = url }, ""));

    [Theory]
    [InlineData("EN")]
    [InlineData("english")]
    [InlineData("e")]
    [InlineData("en_US")]
    [InlineData("en-")]
    public void Validate_BadLanguage_ReportsLanguage(string language) =>
        AssertSingle(TestArticles.Input() with { Language = language }, "article.language", "BCP-47");

    [Theory]
    [InlineData("en")]
    [InlineData("pt-BR")]
    [InlineData("zh-Hant-TW")]
    [InlineData("gsw")]
    public void Validate_GoodLanguage_NoProblems(string language) =>
        Assert.Empty(_validator.Validate(TestArticles.Input() with { Language = language }, ""));

    [Fact]
    public void Validate_PublishTimeMoreThanADayAhead_ReportsPublishTime() =>
        AssertSingle(TestArticles.Input() with { PublishTime = _time.GetUtcNow().AddDays(1).AddMinutes(1) }, "article.publish_time", "future");

    [Fact]
    public void Validate_PublishTimeWithinADayOrPast_NoProblems()
    {
        Assert.Empty(_validator.Validate(TestArticles.Input() with { PublishTime = _time.GetUtcNow().AddHours(23) }, ""));
        Assert.Empty(_validator.Validate(TestArticles.Input() with { PublishTime = new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero) }, ""));
    }

    [Fact]
    public void Validate_RequestIdTooLong_ReportsRequestId()
    {
        Assert.Empty(_validator.Validate(TestArticles.Input(), new string('r', 128)));
        var problem = Assert.Single(_validator.Validate(TestArticles.Input(), new string('r', 129)));
        Assert.Equal("request_id", problem.Field);
    }

    [Fact]
    public void Validate_SourceTooLong_ReportsSource() =>
        AssertSingle(TestArticles.Input() with { Source = new string('s', 501) }, "article.source", "at most 500");

    [Theory]
    [InlineData("title")]
    [InlineData("body")]
    [InlineData("source")]
    public void Validate_NulCharacter_ReportsTheField(string field)
    {
        var input = field switch
        {
            "title" => TestArticles.Input() with { Title = "Head\0line" },
            "body" => TestArticles.Input() with { Body = "Body\0text" },
            _ => TestArticles.Input() with { Source = "Wire\0" },
        };
        AssertSingle(input, "article." + field, "NUL");
    }

    [Theory]
    [InlineData("title", "Head\u0007line")]
    [InlineData("title", "Red \u001B[31malert")]
    [InlineData("body", "Body text \u001B[2J cleared")]
    [InlineData("body", "Body with DEL \u007F")]
    [InlineData("source", "Wire\u0001")]
    [InlineData("url", "https://example.com/a\u0008b")]
    public void Validate_ControlCharacter_ReportsTheFieldAndWhere(string field, string value)
    {
        var input = field switch
        {
            "title" => TestArticles.Input() with { Title = value },
            "body" => TestArticles.Input() with { Body = value },
            "source" => TestArticles.Input() with { Source = value },
            _ => TestArticles.Input() with { Url = value },
        };
        var problem = Assert.Single(_validator.Validate(input, ""), p => p.Field == "article." + field);
        Assert.Contains("control characters", problem.Description, StringComparison.Ordinal);
        Assert.Contains($"U+{(int)value.First(char.IsControl):X4}", problem.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhitespaceControlsAndC1InBody_Accepted()
    {
        // Tab, line breaks and form feed are layout; C1 controls come with mis-decoded real news.
        var input = TestArticles.Input() with { Body = "First\tline\r\nSecond\fpage\vend. Fran\u00C3\u0083\u00C2\u00A7ois said so." };
        Assert.Empty(_validator.Validate(input, ""));
    }

    [Fact]
    public void Validate_BodyThatIsOnlyACaption_ReportsBody()
    {
        var input = TestArticles.Input() with { Body = "Mr Xi met Mr Blinken in Beijing (Pool via AP)\n\nAdvertisement" };
        var problem = Assert.Single(_validator.Validate(input, "", TextCleaner.Clean(input.Body)));
        Assert.Equal("article.body", problem.Field);
        Assert.Contains("captions", problem.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_SeveralProblems_ReportsAllTogether()
    {
        var bad = new ArticleInput("", "", Url: "ftp://x", Language: "EN", PublishTime: _time.GetUtcNow().AddDays(3));
        var ex = Assert.Throws<ValidationException>(() => _validator.EnsureValid(bad, new string('r', 200)));
        Assert.Equal(
            ["article.body", "article.language", "article.publish_time", "article.title", "article.url", "request_id"],
            ex.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
    }

    private void AssertSingle(ArticleInput article, string field, string descriptionPart)
    {
        var problem = Assert.Single(_validator.Validate(article, ""));
        Assert.Equal(field, problem.Field);
        Assert.Contains(descriptionPart, problem.Description, StringComparison.Ordinal);
    }
}
