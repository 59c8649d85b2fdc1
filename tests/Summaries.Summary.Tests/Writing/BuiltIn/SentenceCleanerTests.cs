using Summaries.Summary.Writing.BuiltIn;

namespace Summaries.Summary.Tests.Writing.BuiltIn;

public sealed class SentenceCleanerTests
{
    [Theory]
    [InlineData("OSTRAVA, March 4 (Reuters) - The city council approved a new tram line on Tuesday.")]
    [InlineData("NEW HAVEN (AP) — The city council approved a new tram line on Tuesday.")]
    [InlineData("OSTRAVA, Moravia -- The city council approved a new tram line on Tuesday.")]
    [InlineData("Lyon, France, Feb. 2 (UPI) -- The city council approved a new tram line on Tuesday.")]
    [InlineData("(CNN) -- The city council approved a new tram line on Tuesday.")]
    [InlineData("By Maria Kowalsky Oct. 3, 2006 | The city council approved a new tram line on Tuesday.")]
    [InlineData("By Tom DeHale, DAILY LEDGER The city council approved a new tram line on Tuesday.")]
    [InlineData("Tram line wins backing By Tom Hale, Staff Writer The city council approved a new tram line on Tuesday.")]
    [InlineData("Jan Novak, Central News Service Monday, March 06, 2006 The city council approved a new tram line on Tuesday.")]
    [InlineData("12.03.2006 09:15 << Previous | Next >> The city council approved a new tram line on Tuesday.")]
    [InlineData("Trams return to the old town Current rating: 3 The city council approved a new tram line on Tuesday.")]
    [InlineData("Advertisement The city council approved a new tram line on Tuesday.")]
    [InlineData("BUSINESS/TRANSPORT The city council approved a new tram line on Tuesday.")]
    [InlineData("Council backs the trams at last The city council approved a new tram line on Tuesday.")]
    [InlineData("These are the main decisions: - The city council approved a new tram line on Tuesday.")]
    [InlineData("-- The city council approved a new tram line on Tuesday.")]
    public void Clean_PageLeadBeforeTheSentence_Removed(string source)
    {
        Assert.Equal("The city council approved a new tram line on Tuesday.", SentenceCleaner.Clean(source));
    }

    [Theory]
    [InlineData("By Christmas Eve the city council had approved a new tram line.")]
    [InlineData("Critics of the plan say \"the council In its haste\" The decision was rushed.")]
    [InlineData("The fans of the band Rage Against The Machine met in the old town on Tuesday.")]
    [InlineData("Veterans of World War I were honoured by the city council on Tuesday.")]
    [InlineData("Workers at the coal mine went home early on Tuesday.")]
    [InlineData("The US embassy said the tram line would open next year.")]
    public void Clean_OrdinarySentence_Unchanged(string source)
    {
        Assert.Equal(source, SentenceCleaner.Clean(source));
    }

    [Fact]
    public void Clean_LinkListAfterACompanyName_Removed()
    {
        Assert.Equal(
            "Contoso Ltd. and Fabrikam reported higher sales in June.",
            SentenceCleaner.Clean("Contoso (Profile, Products, Articles) Ltd. and Fabrikam (Overview, Articles, Company) reported higher sales in June."));
    }

    [Theory]
    [InlineData("Home > World > Europe")]
    [InlineData("Share | Email | Print this article | Comments")]
    [InlineData("Listen to the show [RealAudio] or download it [mp3] today")]
    [InlineData("Reporting by Jan Novak and Eva Dvorak in Prague.")]
    public void Clean_PageFurnitureOnly_Null(string source)
    {
        Assert.Null(SentenceCleaner.Clean(source));
    }

    [Theory]
    [InlineData("The tram line will be finished by May, the mayor told me.", "The tram line will be finished by May, the mayor said.")]
    [InlineData("The mayor told this reporter that the tram line would be finished by May.", "The mayor said that the tram line would be finished by May.")]
    [InlineData("The mayor said to me that the tram line would be finished by May.", "The mayor said that the tram line would be finished by May.")]
    [InlineData("The mayor told me in an interview with me that the line was late.", "The mayor said in an interview that the line was late.")]
    public void Clean_ReporterToldSimply_SaidInstead(string source, string expected)
    {
        Assert.Equal(expected, SentenceCleaner.Clean(source));
    }

    [Theory]
    [InlineData("I asked the mayor about the tram line on Tuesday.")]
    [InlineData("The mayor told me about her plans for the old town.")]
    [InlineData("Our city will get a new tram line next year.")]
    [InlineData("The new line will take us to the airport in ten minutes.")]
    public void Clean_ReporterFirstPersonOtherwise_Null(string source)
    {
        Assert.Null(SentenceCleaner.Clean(source));
    }

    [Theory]
    [InlineData("\"We will build it and I will ride it first,\" the mayor said.")]
    [InlineData("The mayor said: “Our city needs this line.”")]
    [InlineData("'I will not resign over the trams,' the mayor said.")]
    [InlineData("The mayor said: \"Our city needs this line, and my team told me so")]
    public void Clean_FirstPersonInsideQuotes_Kept(string source)
    {
        Assert.Equal(source, SentenceCleaner.Clean(source));
    }

    [Theory]
    [InlineData("The mayor said: \"The tram line is finished.\".\"", "The mayor said: \"The tram line is finished.\"")]
    [InlineData("The mayor called it \"a good day for the city.\".", "The mayor called it \"a good day for the city.\"")]
    [InlineData("The mayor called it “a good day for the city!”.", "The mayor called it “a good day for the city!”")]
    [InlineData("The line was approved on Tuesday,.", "The line was approved on Tuesday.")]
    [InlineData("The board , in a statement, approved the line .", "The board, in a statement, approved the line.")]
    [InlineData("The star of the . campaign was the mayor  herself.", "The star of the campaign was the mayor herself.")]
    [InlineData("The line was approved..", "The line was approved.")]
    [InlineData("The mayor waited and waited...", "The mayor waited and waited...")]
    public void Clean_UntidyPunctuation_Tidied(string source, string expected)
    {
        Assert.Equal(expected, SentenceCleaner.Clean(source));
    }

    [Fact]
    public void Clean_PunctuationInsideQuotes_Unchanged()
    {
        const string source = "The mayor said \"wait , the line is not ready .. yet\" on Tuesday.";

        Assert.Equal(source, SentenceCleaner.Clean(source));
    }
}
