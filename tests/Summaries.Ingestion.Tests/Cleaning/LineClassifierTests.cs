using Summaries.Ingestion.Cleaning;

namespace Summaries.Ingestion.Tests.Cleaning;

public sealed class LineClassifierTests
{
    [Theory]
    [InlineData("US Secretary of State Antony Blinken meets Chinese President Xi Jinping in the Great Hall of the People in Beijing (Pool via AP)")]
    [InlineData("Mr Xi met Mr Blinken in the Great Hall of the People in Beijing (Pool via AP)")]
    [InlineData("Protesters gather outside parliament (AP Photo/Andy Wong)")]
    [InlineData("The minister arrives for talks (Reuters)")]
    [InlineData("Fire crews at the scene (Getty Images)")]
    [InlineData("Image caption, Ministers met in Geneva")]
    [InlineData("Photo: Jane Doe/Example Agency")]
    [InlineData("Getty Images")]
    [InlineData("AFP via Getty Images")]
    public void Classify_CaptionsAndCredits_Caption(string line) =>
        Assert.Equal(LineKind.Caption, LineClassifier.Classify(line));

    [Theory]
    [InlineData("Advertisement")]
    [InlineData("ADVERTISEMENT")]
    [InlineData("advertisement")]
    [InlineData("Play video")]
    [InlineData("Source:")]
    [InlineData("Printable version | Send it to a friend | Save story")]
    [InlineData("Home > News > UK > Health/Medical")]
    [InlineData("Subscriptions >")]
    [InlineData("© Thomas Crosbie Media, 2004.")]
    [InlineData("Copyright 2004 Reuters. All rights reserved.")]
    [InlineData("'); //--> Loading Top Headlines...")]
    [InlineData("Sign up for our daily newsletter")]
    [InlineData("Follow us on Twitter")]
    [InlineData("Story continues below advertisement")]
    public void Classify_PageFurniture_Boilerplate(string line) =>
        Assert.Equal(LineKind.Boilerplate, LineClassifier.Classify(line));

    [Theory]
    [InlineData("NEW YORK (AP) -- Web surfing has belonged almost exclusively to Microsoft Corp.'s Internet Explorer.")]
    [InlineData("“This is very good,” Mr Xi said.")]
    [InlineData("Mr Xi said the talks went well. (Reuters)")]
    [InlineData("Shares rose 5% > analysts' forecasts, the company said.")]
    [InlineData("Fran Healy (Travis) - Where the only water flowing")]
    [InlineData("Real Madrid v Juventus")]
    [InlineData("Police reform")]
    [InlineData("Source: the ministry's annual report, published on Monday, shows a rise in claims.")]
    public void Classify_ArticleText_Text(string line) =>
        Assert.Equal(LineKind.Text, LineClassifier.Classify(line));

    [Theory]
    [InlineData("")]
    [InlineData("  \t ")]
    [InlineData("\uFEFF\u200B")]
    public void Classify_NothingVisible_Blank(string line) =>
        Assert.Equal(LineKind.Blank, LineClassifier.Classify(line));
}
