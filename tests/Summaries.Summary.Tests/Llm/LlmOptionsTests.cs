using Summaries.Summary.Llm;

namespace Summaries.Summary.Tests.Llm;

public sealed class LlmOptionsTests
{
    [Theory]
    [InlineData(LlmProvider.OpenAI, true, true)]
    [InlineData(LlmProvider.AzureOpenAI, true, true)]
    [InlineData(LlmProvider.OpenAI, false, false)]
    [InlineData(LlmProvider.Ollama, true, false)]
    [InlineData(LlmProvider.None, true, false)]
    public void UsesStructuredOutput_ProviderAndOption_SchemaOnlyWhereTaken(LlmProvider provider, bool option, bool expected)
    {
        var options = new LlmOptions { Provider = provider, Model = "any", StructuredOutput = option };

        Assert.Equal(expected, options.UsesStructuredOutput);
    }

    [Fact]
    public void DraftJsonSchema_Json_IsValidJsonOfAClosedObject()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(DraftJsonSchema.Json);

        Assert.Equal("object", schema.RootElement.GetProperty("type").GetString());
        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
    }
}
