using Summaries.Language;

namespace Summaries.Evaluation;

/// <summary><c>annotate</c>: prints the entities (with roles) and quotes (with speakers) of one text file, to compare recognisers by eye.</summary>
internal static class AnnotateCommand
{
    public static int Run(CommandLine command, TextWriter output)
    {
        var text = File.ReadAllText(command.RequiredPositional(0, "<text-file>"));
        var annotation = AnnotatorChoice.Create(command, output).Annotate(text);
        foreach (var entity in annotation.Entities.OrderByDescending(e => e.Salience))
        {
            var roles = string.Join("; ", entity.Roles.Select(r => r.Text));
            output.WriteLine($"{entity.Kind,-12} {entity.DisplayName} ×{entity.MentionCount} [{string.Join(", ", entity.Aliases)}] {roles}");
        }

        foreach (var quote in annotation.Quotes)
        {
            var preview = quote.Text.Length > 60 ? quote.Text[..60] + "…" : quote.Text;
            output.WriteLine($"{(quote.Direct ? "direct  " : "reported")} {quote.SpeakerKey ?? "-",-28} {quote.Cue,-10} {preview}");
        }

        return 0;
    }
}
