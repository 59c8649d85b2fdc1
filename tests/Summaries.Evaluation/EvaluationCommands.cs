using System.CommandLine;
using Summaries.Evaluation.Briefings;
using Summaries.Evaluation.Faithfulness;

namespace Summaries.Evaluation;

/// <summary>
/// The commands, their positional arguments and options, with the help System.CommandLine prints.
/// Each command's own code reads what it was given through <see cref="CommandLine"/>.
/// </summary>
internal static class EvaluationCommands
{
    public static RootCommand Create(TextWriter output)
    {
        var root = new RootCommand("Evaluation and benchmarks of the services' own code (no gRPC). Each command prints its headline number as its last line, for scripts to pick up.");
        Add(root, output, "ner", "entity-level P/R/F1 and tokens/s of the NER model", NerCommand.Run,
            [File("conll-file")],
            [Model(), Text("--predictions", "path", "write the model's predictions here"), Recognizer()]);
        Add(root, output, "quotes", "direct-quote speaker precision/recall/F1 of the annotator", QuotesCommand.Run,
            [File("polnear-jsonl")],
            [Recognizer(), Model(), Number<int>("--errors", "print the first N quotes given the wrong speaker"),
             Number<int>("--spurious", "print the first N quotes found where there is none"), Number<int>("--missed", "print the first N quotes missed")]);
        Add(root, output, "train-ner", "trains the NER model and writes it, gzip-compressed", TrainNerCommand.Run,
            [],
            [Text("--train", "file", "CoNLL training data", required: true), Text("--dev", "file", "CoNLL development data", required: true),
             Text("--out", "model", "where the model goes", required: true),
             Many("--unlabelled", "path", "unlabelled news (repeatable); by default the rest of the data set the CoNLL folder sits in"),
             Number<int>("--epochs", "most training epochs"), Number<int>("--seed", "random seed"), Many("--ablate", "group", "feature group left out (repeatable)")]);
        Add(root, output, "bench", "tokens/s of the full annotator and of NER alone, one core", BenchCommand.Run,
            [Files("text-files")],
            [Model(), Number<double>("--seconds", "least seconds measured per pass (default 3)")]);
        Add(root, output, "tag", "entities of the text on standard input, with their margins", TagCommand.Run,
            [],
            [Model()]);
        Add(root, output, "annotate", "entities, roles and quotes of one text", AnnotateCommand.Run,
            [File("text-file")],
            [Recognizer(), Model()]);
        Add(root, output, "briefings", "built-in engine vs LEAD-3 (ROUGE), citations, loaded words", BriefingsCommand.Run,
            [File("jsonl")],
            [Length(), Number<int>("--show", "print N briefings"), Part()]);
        Add(root, output, "stories", "multi-article briefings: sources cited, parties heard", StoriesCommand.Run,
            [File("clusters-jsonl"), File("articles-jsonl")],
            [Length(), On("--grouped", "group the articles as ListStories does instead of by the gold events"), Distractors(), On("--show", "print each briefing")]);
        Add(root, output, "group", "event grouping (ListStories) vs the gold events: pairwise and B-cubed F1", GroupCommand.Run,
            [File("clusters-jsonl"), File("articles-jsonl")],
            [Number<double>("--threshold", "T: least similarity that joins two articles"), Number<double>("--entity-weight", "W: weight of shared entities"),
             Number<int>("--lead-words", "N: words of each article compared"), Number<double>("--idf-prior", "P: documents assumed before the corpus"),
             Number<double>("--idf-ceiling", "C: IDF ceiling ratio"), Distractors(), On("--sweep", "try a grid of settings"), On("--show", "print the groups")]);
        Add(root, output, "prompt", "the LLM prompt the summary service would send, and its size", PromptCommand.Run,
            [File("article-text-file")],
            [Length()]);
        Add(root, output, "brief-bench", "built-in briefing latency, 1 and 20 articles", BriefBenchCommand.Run,
            [Files("text-files")],
            [Number<int>("--runs", "runs measured (default 50)")]);
        Add(root, output, "differences", "the points on which each event's sources differ, and whether the verifier passes each version", DifferencesCommand.Run,
            [File("clusters-jsonl"), File("articles-jsonl")],
            [Length(), Number<double>("--near", "print alike sentence pairs of two sources at least this similar")]);
        Add(root, output, "ingest-bench", "ingestion's own work per article in process: cleaning, hashing, fingerprint, SQLite insert", IngestBenchCommand.Run,
            [File("example-article")],
            [Number<int>("--count", "articles inserted (default 24000)")]);
        Add(root, output, "pathological", "each text stage on inputs built to be slow, as a time ratio to a normal article of the same length", PathologicalCommand.Run,
            [],
            [Number<int>("--chars", "input length (default: the longest article ingestion accepts, 1,000,000)"),
             Text("--input", "name", "only this input (beside the normal one): combining-storm, one-huge-token, capitalised-sentence, unbalanced-quotes, distinct-entities, deep-brackets"),
             On("--cancel-gaps", "also the longest each stage goes on after its cancellation token fires (token fired at 12 points through each run)")]);
        Add(root, output, "faithfulness", "the support checker (cite-free) vs FRANK's human labels", FaithfulnessCommand.Run,
            [File("frank-jsonl")],
            [Part("tune|test|all"), Text("--dataset", "cnndm|xsum", "which FRANK half (default cnndm)"), Number<int>("--show", "print N disagreements"),
             Text("--tune", "out.json", "tune the model on the tune part and write it here"), Text("--ablate", "check,...", "checks left out"),
             On("--ablations", "score with each check left out in turn"), Text("--model", "json", "support model (default: the shipped one)")]);
        return root;
    }

    private static void Add(
        RootCommand root, TextWriter output, string name, string description, Func<CommandLine, TextWriter, int> run, Argument[] arguments, Option[] options)
    {
        var command = new Command(name, description);
        foreach (var argument in arguments)
        {
            command.Add(argument);
        }

        foreach (var option in options)
        {
            command.Add(option);
        }

        command.SetAction(result =>
        {
            try
            {
                return run(new CommandLine(result), output);
            }
            catch (UsageException e)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine($"See '{name} --help'.");
                return 2;
            }
        });
        root.Add(command);
    }

    private static Argument<string> File(string name) => NoOptions(new Argument<string>(name));

    private static Argument<string[]> Files(string name) => NoOptions(new Argument<string[]>(name) { Arity = ArgumentArity.OneOrMore });

    /// <summary>An unknown <c>--name</c> would otherwise be taken for a file and the error name its value.</summary>
    private static T NoOptions<T>(T argument)
        where T : Argument
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith("--", StringComparison.Ordinal)))
            {
                result.AddError($"Unknown option '{token.Value}'.");
            }
        });
        return argument;
    }

    private static Option<string> Text(string name, string helpName, string description, bool required = false) =>
        new(name) { HelpName = helpName, Description = description, Required = required };

    private static Option<string[]> Many(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description };

    private static Option<T> Number<T>(string name, string description) => new(name) { HelpName = "N", Description = description };

    /// <summary>A switch written <c>--name on</c>, as the commands have always been called.</summary>
    private static Option<string> On(string name, string description) => new(name) { HelpName = "on", Description = description };

    private static Option<string> Model() => Text("--model", "path", "NER model (default: the one shipped in the entity service)");

    private static Option<string> Recognizer() => Text("--recognizer", "rules|ner|hybrid", "which entity recogniser (default hybrid)");

    private static Option<string> Length() => Text("--length", "short|medium|long", "briefing length (default medium)");

    private static Option<string> Part(string parts = "tune|test") => Text("--part", parts, "which part of the data set");

    private static Option<string[]> Distractors() => Many("--distractors", "jsonl", "unrelated articles mixed in (repeatable)");
}
