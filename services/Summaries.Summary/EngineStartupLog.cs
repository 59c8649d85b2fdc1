using Summaries.Summary.Briefings;
using Summaries.Summary.Llm;
using Microsoft.Extensions.Options;

namespace Summaries.Summary;

/// <summary>Says at start which engine writes briefings, so an operator never has to guess.</summary>
public static partial class EngineStartupLog
{
    public static void LogActiveEngine(this WebApplication app)
    {
        var slot = app.Services.GetRequiredService<LlmWriterSlot>();
        var options = app.Services.GetRequiredService<IOptions<LlmOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Summaries.Summary.Engine");
        if (slot.Writer is null)
        {
            LogBuiltIn(logger);
        }
        else
        {
            LogLlm(logger, options.Provider.ToString(), slot.Writer.Engine.Model, slot.Writer.Engine.Version, options.Endpoint ?? "(provider default)");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Briefing engine: built-in (no LLM configured; set Llm__Provider to use one)")]
    private static partial void LogBuiltIn(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Briefing engine: LLM via Semantic Kernel, provider {Provider}, model {Model}, prompt {Prompt}, endpoint {Endpoint}; built-in engine as fallback")]
    private static partial void LogLlm(ILogger logger, string provider, string model, string prompt, string endpoint);
}
