namespace MovieRec.Tests.Notebooks;

/// <summary>
/// The checks a session compiles into every cell (<see cref="CellGuard"/>): an interrupt stops code that never looks at
/// the token, a runaway recursion is an error instead of the end of the process, what cannot be stopped says so, lines
/// and columns of errors stay those the user wrote, and a flood of console text arrives whole and in order.
/// </summary>
[Collection(ConsoleUsers.Name)]
public sealed class CellGuardTests
{
    /// <summary>Records outputs and signals when console text containing a marker arrives.</summary>
    private sealed class Recorder(string? marker = null) : CellOutput
    {
        private readonly StringBuilder _text = new();

        public TaskCompletionSource Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Results { get; } = [];

        public int StreamMessages { get; private set; }

        public string Text
        {
            get
            {
                lock (_text) return _text.ToString();
            }
        }

        public override void Stream(string name, string text)
        {
            lock (_text)
            {
                _text.Append(text);
                StreamMessages++;
            }

            if (marker is not null && text.Contains(marker, StringComparison.Ordinal)) Seen.TrySetResult();
        }

        public override void Display(MimeBundle bundle, string? displayId)
        {
        }

        public override void UpdateDisplay(MimeBundle bundle, string displayId)
        {
        }

        public override void Result(MimeBundle bundle, int executionCount) => Results.Add(bundle.PlainText);

        public override void ClearOutput(bool wait)
        {
        }
    }

    /// <summary>Starts <paramref name="code"/>, interrupts it once it printed <paramref name="marker"/>, and returns its error.</summary>
    private static async Task<CellError> InterruptAsync(NotebookSession session, string code, string marker)
    {
        using var cancel = new CancellationTokenSource();
        var output = new Recorder(marker);
        var running = session.ExecuteAsync(code, output, cancel.Token);
        await output.Seen.Task.WaitAsync(TimeSpan.FromSeconds(60)); // a deadline against a hang; the cell says when it loops
        await cancel.CancelAsync();
        return (await running.WaitAsync(TimeSpan.FromSeconds(60))).Error!;
    }

    [Fact]
    public async Task An_interrupt_stops_a_busy_loop_that_never_looks_at_the_token()
    {
        var session = new NotebookSession();
        var error = await InterruptAsync(session, "var spins = 0L;\nConsole.WriteLine(\"spinning\");\nwhile (true) { spins++; }", "spinning");
        Assert.Equal("Interrupted", error.Name);
        Assert.Equal("the cell was interrupted", error.Value); // the loop ended: nothing runs on in the background
        var next = new Recorder();
        Assert.Null((await session.ExecuteAsync("40 + 2", next)).Error);
        Assert.Equal(["42"], next.Results);
    }

    [Fact]
    public async Task A_cell_that_returns_because_it_saw_the_interrupt_is_reported_interrupted_every_time()
    {
        // The wait ends the moment the token is cancelled, racing the interrupt to the session (a kernel conformance run
        // once got an "ok" reply here): whichever finishes first, the cell was interrupted.
        var session = new NotebookSession();
        for (var i = 0; i < 20; i++)
        {
            var error = await InterruptAsync(session, "Console.WriteLine(\"waiting\");\nCancellationToken.WaitHandle.WaitOne();", "waiting");
            Assert.Equal("Interrupted", error.Name);
            Assert.Equal("the cell was interrupted", error.Value);
        }
    }

    [Fact]
    public async Task An_interrupt_stops_recursion_lambdas_and_loops_inside_methods()
    {
        var session = new NotebookSession();
        const string code = "void Spin() { Console.WriteLine(\"in\"); for (;;) { } }\nAction run = () => Spin();\nrun();";
        var error = await InterruptAsync(session, code, "in");
        Assert.Equal("the cell was interrupted", error.Value);
    }

    [Fact]
    public async Task Code_blocked_where_no_check_runs_is_reported_as_still_running()
    {
        var session = new NotebookSession();
        var error = await InterruptAsync(session, "Console.WriteLine(\"blocked\");\nSystem.Threading.Thread.Sleep(4000);", "blocked");
        Assert.Equal("Interrupted", error.Name);
        Assert.Contains("did not stop and runs on in the background (restart the kernel to end it)", error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runaway_recursion_is_a_cell_error_and_the_session_lives_on()
    {
        var session = new NotebookSession();
        var result = await session.ExecuteAsync("var kept = 7;\nint Down(int n) => Down(n + 1) + 1;\nDown(0)", new Recorder());
        Assert.Equal("InsufficientExecutionStackException", result.Error!.Name);
        var next = new Recorder();
        Assert.Null((await session.ExecuteAsync("1 + 1", next)).Error);
        Assert.Equal(["2"], next.Results);
    }

    [Fact]
    public async Task Errors_name_the_line_and_column_the_user_wrote_although_checks_were_inserted()
    {
        var session = new NotebookSession();
        var runtime = await session.ExecuteAsync("var total = 0;\nfor (var i = 0; i < 3; i++) total += i;\nwhile (total > 0) { total--; }\nthrow new ArgumentException(\"line four\");", new Recorder());
        Assert.Equal(4, runtime.Error!.Line);
        var compile = await session.ExecuteAsync("for (var i = 0; i < 3; i++) { var b = missing; }", new Recorder());
        Assert.StartsWith("line 1, column 39: CS0103", compile.Error!.Traceback[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_escaping_async_void_code_is_printed_and_the_process_lives_on()
    {
        // Unhandled, it would end the test process; the cell waits until the report reaches its stderr, then is interrupted.
        var session = new NotebookSession();
        const string code = "async void Boom() { await Task.Yield(); throw new InvalidOperationException(\"boom\"); }\nBoom();\nawait Task.Delay(Timeout.Infinite, CancellationToken);";
        var error = await InterruptAsync(session, code, "unhandled exception in async void code: InvalidOperationException: boom");
        Assert.Equal("Interrupted", error.Name);
        var next = new Recorder();
        Assert.Null((await session.ExecuteAsync("1 + 1", next)).Error);
        Assert.Equal(["2"], next.Results);
    }

    [Theory]
    [InlineData("new Thread(() => throw new InvalidOperationException(\"thread boom\")).Start();")]
    [InlineData("var t = new System.Threading.Thread(o => throw new InvalidOperationException(\"thread boom\"));\nt.Start(1);")]
    public async Task An_exception_on_a_thread_the_cell_started_is_printed_and_the_process_lives_on(string start)
    {
        // Unhandled, it would end the test process (as in every .NET host); the compiled cell wraps the thread's start.
        var session = new NotebookSession();
        var error = await InterruptAsync(session, start + "\nawait Task.Delay(Timeout.Infinite, CancellationToken);", "unhandled exception on a thread the cell started: InvalidOperationException: thread boom");
        Assert.Equal("Interrupted", error.Name);
        var next = new Recorder();
        Assert.Null((await session.ExecuteAsync("1 + 1", next)).Error);
        Assert.Equal(["2"], next.Results);
    }

    [Fact]
    public async Task A_hundred_thousand_printed_lines_arrive_whole_and_in_order()
    {
        var session = new NotebookSession();
        var output = new Recorder();
        Assert.Null((await session.ExecuteAsync("for (int i = 0; i < 100000; i++) Console.WriteLine(i);", output)).Error);
        Assert.Equal(string.Concat(Enumerable.Range(0, 100_000).Select(i => i.ToString(CultureInfo.InvariantCulture) + "\n")), output.Text);
    }
}
