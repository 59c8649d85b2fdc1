using Summaries.Evaluation;

// Evaluation and benchmarks of the services' own code (no gRPC), run as:
//   dotnet run --project tests/Summaries.Evaluation -c Release -- <command> ...
// Each command prints its headline number as its last line, for scripts to pick up.
const string Usage = """
    usage:
      ner <conll-file> [--model <path>] [--predictions <path>] [--recognizer rules|ner|hybrid]
                                                entity-level P/R/F1 and tokens/s of the NER model
      quotes <polnear-jsonl> [--recognizer rules|ner|hybrid] [--model <path>]
                                                direct-quote speaker precision/recall/F1 of the annotator
      train-ner --train <file> --dev <file> --out <model> [--unlabelled <path>]... [--epochs N] [--seed N] [--ablate <group>]...
      bench <text-files...> [--model <path>] [--seconds N]
                                                tokens/s of the full annotator and of NER alone, one core
      tag [--model <path>]                      entities of the text on standard input, with their margins
      annotate <text-file> [--recognizer rules|ner|hybrid]
                                                entities, roles and quotes of one text
      briefings <jsonl> [--length short|medium|long] [--show N] [--part tune|test]
                                                built-in engine vs LEAD-3 (ROUGE), citations, loaded words
      stories <clusters-jsonl> <articles-jsonl> [--length ...] [--grouped on] [--distractors <jsonl>]... [--show on]
                                                multi-article briefings: sources cited, parties heard
      group <clusters-jsonl> <articles-jsonl> [--threshold T] [--entity-weight W] [--lead-words N] [--idf-prior P]
            [--idf-ceiling C] [--distractors <jsonl>]... [--sweep on] [--show on]
                                                event grouping (ListStories) vs the gold events: pairwise and B-cubed F1
      prompt <article-text-file> [--length ...] the LLM prompt the summary service would send, and its size
      brief-bench <text-files...> [--runs N]    built-in briefing latency, 1 and 20 articles
      ingest-bench <example-article> [--count N]
                                                ingestion's own work per article in process: cleaning, hashing, fingerprint, SQLite insert
      faithfulness <frank-jsonl> [--part tune|test|all] [--dataset cnndm|xsum] [--show N] [--tune <out.json>]
            [--ablate <check,...>] [--ablations on] [--model <json>]
                                                the support checker (cite-free) vs FRANK's human labels
    """;

try
{
    if (args.Length == 0)
    {
        throw new UsageException("No command.");
    }

    var command = new CommandLine(args.Skip(1));
    return args[0] switch
    {
        "ner" => NerCommand.Run(command, Console.Out),
        "quotes" => QuotesCommand.Run(command, Console.Out),
        "train-ner" => TrainNerCommand.Run(command, Console.Out),
        "bench" => BenchCommand.Run(command, Console.Out),
        "tag" => TagCommand.Run(command, Console.Out),
        "annotate" => AnnotateCommand.Run(command, Console.Out),
        "briefings" => Summaries.Evaluation.Briefings.BriefingsCommand.Run(command, Console.Out),
        "stories" => Summaries.Evaluation.Briefings.StoriesCommand.Run(command, Console.Out),
        "group" => Summaries.Evaluation.Briefings.GroupCommand.Run(command, Console.Out),
        "prompt" => Summaries.Evaluation.Briefings.PromptCommand.Run(command, Console.Out),
        "brief-bench" => Summaries.Evaluation.Briefings.BriefBenchCommand.Run(command, Console.Out),
        "differences" => Summaries.Evaluation.Briefings.DifferencesCommand.Run(command, Console.Out),
        "ingest-bench" => IngestBenchCommand.Run(command, Console.Out),
        "faithfulness" => Summaries.Evaluation.Faithfulness.FaithfulnessCommand.Run(command, Console.Out),
        _ => throw new UsageException($"Unknown command '{args[0]}'."),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}
