using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;

namespace MovieRec.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of every reader: any byte sequence, or any mutation of a valid file, yields a dataset (or a
/// notebook) or the one documented exception (<see cref="DataFileException"/>, <see cref="NotebookRunException"/>);
/// never another exception type, a hang, or unbounded memory.
/// </summary>
/// <remarks>The seed is fixed so CI is reproducible; set MOVIEREC_FUZZ_SEED to explore others. A failure message starts
/// with the seed and the case, which replays it.</remarks>
public sealed class ReaderFuzzTests : IDisposable
{
    private static readonly ulong Seed = ulong.TryParse(Environment.GetEnvironmentVariable("MOVIEREC_FUZZ_SEED"), out var s) ? s : 20261125;
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(20);
    private const long CaseMemoryLimit = 256L << 20;


    private readonly TempFolder _temp = new();
    private readonly Worker _worker = new();
    private int _case;

    public void Dispose()
    {
        _worker.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Csv_release_files_mutated_or_random()
    {
        var valid = new Dictionary<string, string>
        {
            ["ratings.csv"] = "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,2,3.5,964981247\n2,1,5.0,964982224\n2,3,0.5,964983815\n3,2,2.0,964982931\n",
            ["movies.csv"] = "movieId,title,genres\n1,Toy Story (1995),Adventure|Animation|Children\n2,\"Jumanji, The (1995)\",Adventure|Fantasy\n3,Heat (1995),Action|Crime\n",
            ["links.csv"] = "movieId,imdbId,tmdbId\n1,0114709,862\n2,0113497,8844\n3,0113277,\n",
            ["tags.csv"] = "userId,movieId,tag,timestamp\n1,1,pixar,1139045764\n2,3,\"heist, classic\",1139045765\n",
            ["genome-scores.csv"] = "movieId,tagId,relevance\n1,1,0.894\n1,2,0.121\n2,1,0.5\n2,2,0.25\n",
            ["genome-tags.csv"] = "tagId,tag\n1,drama\n2,comedy\n",
            ["movie_metadata.csv"] = "movieId,title,tmdb_id,overview,poster_url,genres,release_year,actors,directors\n1,Toy Story (1995),862,\"A cowboy doll, \"\"Woody\"\"\",https://x/p.jpg,Animation,1995,Tom Hanks|Tim Allen,John Lasseter\n",
        };
        Run(valid, 1500, folder => DataCleaning.Clean(MovieLensLoader.Load(folder)), typeof(DataFileException));
    }

    [Fact]
    public void Ml100k_files_mutated_or_random()
    {
        var valid = new Dictionary<string, string>
        {
            ["u.data"] = "196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t242\t1\t878887116\n",
            ["u.item"] = "242|Kolya (1996)|24-Jan-1997||http://x|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n302|L.A. Confidential (1997)|01-Jan-1997||http://y|0|0|0|0|0|0|1|0|0|0|0|0|0|1|0|0|1|0|0\n",
        };
        Run(valid, 800, folder => DataCleaning.Clean(MovieLensLoader.Load(folder)), typeof(DataFileException));
    }

    [Fact]
    public void Dat_release_files_mutated_or_random()
    {
        var valid = new Dictionary<string, string>
        {
            ["ratings.dat"] = "1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n",
            ["movies.dat"] = "1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n661::James and the Giant Peach (1996)::Animation|Children's|Musical\n",
            ["users.dat"] = "1::F::1::10::48067\n2::M::56::16::70072\n",
        };
        Run(valid, 600, folder => DataCleaning.Clean(MovieLensLoader.Load(folder)), typeof(DataFileException));
    }

    [Fact]
    public void Notebooks_mutated_or_random()
    {
        var valid = new Dictionary<string, string>
        {
            ["n.ipynb"] = """
            {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "text"]},
              {"cell_type": "code", "execution_count": 1, "metadata": {"tags": ["parameters"]}, "outputs": [{"output_type": "stream", "name": "stdout", "text": ["hi\n"]}], "source": "var x = 1;"},
              {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [{"output_type": "execute_result", "execution_count": 2, "metadata": {}, "data": {"text/plain": ["1"], "text/html": "<b>1</b>"}}, {"output_type": "error", "ename": "E", "evalue": "v", "traceback": ["t"]}], "source": ["x"]}],
             "metadata": {"kernelspec": {"name": "movierec", "display_name": "C#", "language": "C#"}}, "nbformat": 4, "nbformat_minor": 5}
            """,
        };
        Run(valid, 1500, folder =>
        {
            var document = NotebookDocument.Load(Path.Combine(folder, "n.ipynb"));
            _ = NotebookHtml.Render(document, "n");
        }, typeof(NotebookRunException));
    }

    [Fact]
    public void Kernelspec_names_are_accepted_exactly_when_they_follow_jupyters_rule_and_stay_inside_the_folder()
    {
        var root = Path.GetFullPath(_temp.Sub("kernels"));
        var chars = Gen.Elements("aZ09._-/\\ :*?\0é".ToCharArray());
        var property = Prop.ForAll(Gen.ArrayOf(chars).Select(c => new string(c)).ToArbitrary(), name =>
        {
            var rule = name.Length > 0 && name is not ("." or "..") && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
            var accepted = Outcome(() => MovieRec.Notebooks.Kernel.KernelSpec.ValidateName(name)) is null;
            if (accepted != rule) throw new InvalidOperationException($"seed {Seed}: '{name}' accepted {accepted}, Jupyter's rule says {rule}");
            if (accepted && Path.GetDirectoryName(Path.GetFullPath(Path.Combine(root, name))) != root) throw new InvalidOperationException($"seed {Seed}: '{name}' leaves the kernels folder");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2_000).WithQuietOnSuccess(true).WithReplay(new Replay(new Rnd(Seed, 0x9E3779B97F4A7C15UL), null)), property);
    }

    [Fact]
    public void Bundles_with_a_part_mutated_and_a_recomputed_checksum()
    {
        // A tiny recommender: the property is about reading its parts, not about what it learned.
        var world = new Recommendations.RecommenderTests.World();
        var saved = _temp.File("world.movierec");
        world.Recommender.Save(saved);
        var parts = BundleParts.Read(saved);
        var names = parts.Keys.Order(StringComparer.Ordinal).ToArray();
        var gen = from name in Gen.Elements(names)
                  from n in Gen.Choose(1, 4)
                  from mutations in Gen.ListOf(Mutation(), n)
                  select (Name: name, Mutations: mutations);
        var property = Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var changed = new Dictionary<string, byte[]>(parts) { [c.Name] = c.Mutations.Aggregate(parts[c.Name], (bytes, m) => m(bytes)) };
            var path = _temp.File("m" + Interlocked.Increment(ref _case).ToString(CultureInfo.InvariantCulture) + ".movierec");
            BundleParts.Write(path, changed);
            var outcome = Outcome(() => MovieRecommender.Load(path).Recommend(world.Recommender.Ratings.UserIds[0], RecommenderEngine.Hybrid, 5));
            File.Delete(path);
            if (outcome is not null and not DataFileException)
            {
                throw new InvalidOperationException($"seed {Seed}: mutating {c.Name} gave {outcome.GetType().Name}: {outcome.Message}", outcome);
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150).WithQuietOnSuccess(true).WithReplay(new Replay(new Rnd(Seed, 0x9E3779B97F4A7C15UL), null)), property);
    }

    /// <summary>Checks <paramref name="cases"/> cases: each replaces one or more of the files with a mutation of its valid
    /// content or with random bytes, then runs <paramref name="read"/>, which must succeed or throw <paramref name="allowed"/>.</summary>
    private void Run(Dictionary<string, string> valid, int cases, Action<string> read, Type allowed)
    {
        var names = valid.Keys.ToArray();
        var gen =
            from victims in Gen.SubListOf(names).Where(l => l.Count > 0)
            from contents in Gen.CollectToArray(victims, name => Content(Encoding.UTF8.GetBytes(valid[name])))
            select (Victims: victims.ToArray(), Contents: contents);
        var property = Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var folder = _temp.Sub("c" + Interlocked.Increment(ref _case).ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (name, text) in valid) File.WriteAllText(Path.Combine(folder, name), text);
            for (var i = 0; i < c.Victims.Length; i++) File.WriteAllBytes(Path.Combine(folder, c.Victims[i]), c.Contents[i]);
            var outcome = Outcome(() => read(folder));
            Directory.Delete(folder, recursive: true);
            if (outcome is not null && !allowed.IsInstanceOfType(outcome))
            {
                throw new InvalidOperationException($"seed {Seed}: mutating {string.Join(", ", c.Victims)} gave {outcome.GetType().Name}: {outcome.Message}"
                    + $"\ncontents: {string.Join(" | ", c.Contents.Select(b => Convert.ToBase64String(b)))}", outcome);
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true).WithReplay(new Replay(new Rnd(Seed, 0x9E3779B97F4A7C15UL), null)), property);
    }

    /// <summary>Runs one case on the watchdog's worker: null when it passed, else the exception; a hang or a memory
    /// blow-up fails.</summary>
    private Exception? Outcome(Action read)
    {
        var (caught, allocated) = _worker.Run(read, CaseTimeout)
            ?? throw new TimeoutException($"seed {Seed}: a case ran longer than {CaseTimeout.TotalSeconds} s (a hang)");
        if (allocated > CaseMemoryLimit) throw new InsufficientMemoryException($"seed {Seed}: a case of a few KB allocated {allocated:N0} bytes");
        return caught;
    }

    /// <summary>One thread with a deep stack that runs the cases one after another (a thread per case cost more than
    /// most cases), counting each case's allocations on that thread.</summary>
    private sealed class Worker : IDisposable
    {
        private readonly BlockingCollection<(Action Read, TaskCompletionSource<(Exception?, long)> Done)> _cases = [];

        public Worker()
        {
            var thread = new Thread(Loop, maxStackSize: 16 << 20) { IsBackground = true, Name = "fuzz case" };
            thread.Start();
        }

        /// <summary>The case's exception (or null) and the bytes it allocated; null when it did not end within <paramref name="timeout"/>.</summary>
        public (Exception? Caught, long Allocated)? Run(Action read, TimeSpan timeout)
        {
            var done = new TaskCompletionSource<(Exception?, long)>(TaskCreationOptions.RunContinuationsAsynchronously);
            _cases.Add((read, done));
            return done.Task.Wait(timeout) ? done.Task.Result : null;
        }

        private void Loop()
        {
            foreach (var (read, done) in _cases.GetConsumingEnumerable())
            {
                Exception? caught = null;
                var before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    read();
                }
                catch (Exception e)
                {
                    caught = e;
                }

                done.SetResult((caught, GC.GetAllocatedBytesForCurrentThread() - before));
            }
        }

        public void Dispose() => _cases.CompleteAdding();
    }

    /// <summary>Random bytes (a third of the time) or one to four mutations of <paramref name="valid"/>.</summary>
    private static Gen<byte[]> Content(byte[] valid) => Gen.Frequency(
        (1, RandomBytes()),
        (2, Gen.Choose(1, 4).SelectMany(n => Gen.ListOf(Mutation(), n)).Select(ms => ms.Aggregate(valid, (bytes, m) => m(bytes)))));

    private static readonly byte[] Alphabet = Encoding.ASCII.GetBytes("0123456789,.-:|\t\"\n\r eE+xX{}[]\\/").Concat(new byte[] { 0, 0xC3, 0xA9, 0xFF, 0xEF, 0xBB, 0xBF }).ToArray();

    private static Gen<byte[]> RandomBytes() => Gen.Choose(0, 400).SelectMany(n => Gen.ArrayOf(Gen.Elements(Alphabet), n));

    private static Gen<Func<byte[], byte[]>> Mutation() => Gen.OneOf(
        from at in Gen.Choose(0, 10_000)
        from b in Gen.Elements(Alphabet)
        select (Func<byte[], byte[]>)(x => x.Length == 0 ? [b] : With(x, at % x.Length, b)),
        from at in Gen.Choose(0, 10_000)
        from len in Gen.Choose(1, 40)
        select (Func<byte[], byte[]>)(x => x.Length == 0 ? x : [.. x.Take(at % x.Length), .. x.Skip(at % x.Length + len)]),
        from at in Gen.Choose(0, 10_000)
        from insert in RandomBytes()
        select (Func<byte[], byte[]>)(x => [.. x.Take(x.Length == 0 ? 0 : at % x.Length), .. insert.Take(40), .. x.Skip(x.Length == 0 ? 0 : at % x.Length)]),
        from at in Gen.Choose(0, 10_000)
        from len in Gen.Choose(1, 200)
        select (Func<byte[], byte[]>)(x => x.Length == 0 ? x : [.. x.Take(at % x.Length + len), .. x.Skip(at % x.Length)]), // duplicate a range
        from at in Gen.Choose(0, 10_000)
        select (Func<byte[], byte[]>)(x => x.Length == 0 ? x : x[..(at % x.Length)]), // truncate
        Gen.Constant((Func<byte[], byte[]>)(x => [.. x.Select(b => b == (byte)'\n' ? (byte)'\r' : b)])), // old Mac line endings
        from at in Gen.Choose(0, 10_000)
        from width in Gen.Choose(1, 30_000)
        select (Func<byte[], byte[]>)(x => [.. x.Take(x.Length == 0 ? 0 : at % x.Length), .. Enumerable.Repeat((byte)',', width), .. x.Skip(x.Length == 0 ? 0 : at % x.Length)])); // a line thousands of fields wide

    private static byte[] With(byte[] x, int at, byte b)
    {
        var copy = (byte[])x.Clone();
        copy[at] = b;
        return copy;
    }
}
