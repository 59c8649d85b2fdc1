namespace Summaries.Language.Tagging;

/// <summary>
/// The model's binary layout (inside gzip): header, transitions, word table, gazetteer, then the
/// weighted features: their hashes, then their weights label by label, so that gzip sees long runs
/// of similar small numbers. Tables are written in key order, so a retrained model from the same
/// data is byte-identical.
/// </summary>
internal static class NerModelFile
{
    private const int Magic = 0x52454E53; // "SNER"
    private const int Version = 1;

    public static void Write(NerModel model, Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(model.Weights.Scale);
        writer.Write(model.StrongMargin);

        writer.Write(model.Transitions.Length);
        foreach (var t in model.Transitions)
        {
            writer.Write(t);
        }

        var words = model.Words.Entries.OrderBy(e => e.Key).ToList();
        writer.Write(words.Count);
        foreach (var (key, info) in words)
        {
            writer.Write(key);
            writer.Write(info.Cluster);
            writer.Write(info.ClusterLength);
            writer.Write(info.CapitalBucket);
            writer.Write((ushort)info.Classes);
        }

        WriteGazetteer(writer, model.Gazetteer);
        WriteGazetteer(writer, model.Names);
        WriteWeights(writer, model.Weights);
    }

    public static NerModel Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadInt32() != Magic)
        {
            throw new InvalidDataException("Not a Summaries NER model.");
        }

        var version = reader.ReadInt32();
        if (version != Version)
        {
            throw new InvalidDataException($"NER model version {version} is not supported (expected {Version}).");
        }

        var scale = reader.ReadSingle();
        var strongMargin = reader.ReadSingle();
        var transitions = new float[reader.ReadInt32()];
        for (var i = 0; i < transitions.Length; i++)
        {
            transitions[i] = reader.ReadSingle();
        }

        var wordCount = reader.ReadInt32();
        var words = new Dictionary<ulong, WordInfo>(wordCount);
        for (var i = 0; i < wordCount; i++)
        {
            words.Add(reader.ReadUInt64(), new WordInfo(reader.ReadUInt64(), reader.ReadByte(), reader.ReadByte(), (LexiconClass)reader.ReadUInt16()));
        }

        var gazetteer = ReadGazetteer(reader);
        var names = ReadGazetteer(reader);
        var weights = ReadWeights(reader, scale);
        return new NerModel(new WordTable(words), gazetteer, names, weights, transitions, strongMargin);
    }

    private static void WriteGazetteer(BinaryWriter writer, Gazetteer gazetteer)
    {
        var entries = gazetteer.Entries.OrderBy(e => e.Key).ToList();
        writer.Write(entries.Count);
        foreach (var (key, types) in entries)
        {
            writer.Write(key);
            writer.Write(types);
        }

        var prefixes = gazetteer.Prefixes.Order().ToList();
        writer.Write(prefixes.Count);
        foreach (var prefix in prefixes)
        {
            writer.Write(prefix);
        }
    }

    private static Gazetteer ReadGazetteer(BinaryReader reader)
    {
        var entryCount = reader.ReadInt32();
        var entries = new Dictionary<ulong, byte>(entryCount);
        for (var i = 0; i < entryCount; i++)
        {
            entries.Add(reader.ReadUInt64(), reader.ReadByte());
        }

        var prefixCount = reader.ReadInt32();
        var prefixes = new HashSet<ulong>(prefixCount);
        for (var i = 0; i < prefixCount; i++)
        {
            prefixes.Add(reader.ReadUInt64());
        }

        return new Gazetteer(entries, prefixes);
    }

    private static void WriteWeights(BinaryWriter writer, FeatureWeights weights)
    {
        var entries = weights.Entries().ToList();
        writer.Write(entries.Count);
        var previous = 0UL;
        foreach (var (feature, _) in entries)
        {
            // Ascending hashes: the gaps are smaller numbers than the hashes themselves.
            writer.Write(feature - previous);
            previous = feature;
        }

        for (var y = 0; y < FeatureWeights.RowWidth; y++)
        {
            foreach (var (_, values) in entries)
            {
                writer.Write(values[y]);
            }
        }
    }

    private static FeatureWeights ReadWeights(BinaryReader reader, float scale)
    {
        const int width = FeatureWeights.RowWidth;
        var features = new ulong[reader.ReadInt32()];
        var previous = 0UL;
        for (var i = 0; i < features.Length; i++)
        {
            previous += reader.ReadUInt64();
            features[i] = previous;
        }

        var bytes = reader.ReadBytes(features.Length * width * sizeof(short));
        if (bytes.Length != features.Length * width * sizeof(short))
        {
            throw new InvalidDataException("The NER model file is truncated.");
        }

        var labelMajor = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(bytes);
        var weights = new short[features.Length * width];
        for (var y = 0; y < width; y++)
        {
            for (var f = 0; f < features.Length; f++)
            {
                weights[(f * width) + y] = labelMajor[(y * features.Length) + f];
            }
        }

        return FeatureWeights.Create(features, weights, scale);
    }
}
