using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MovieRec.Notebooks;

/// <summary>
/// Inserts <see cref="CellGuard.Check"/> at the start of every loop body and every method, local function, constructor,
/// accessor and block-bodied lambda of a cell, and wraps the start of every <c>new Thread(…)</c> in
/// <see cref="CellGuard.Caught(ThreadStart)"/>, on the same line as the code it changes (line numbers of errors and stack
/// frames do not move). A cell that does not parse is left as it is, so the compiler reports its own errors.
/// </summary>
internal sealed class CellRewriter : CSharpSyntaxRewriter
{
    private static readonly CSharpParseOptions ScriptOptions = CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest);

    private static StatementSyntax Check() => SyntaxFactory.ParseStatement("global::MovieRec.Notebooks.CellGuard.Check();");

    /// <summary>The cell's source with the checks inserted.</summary>
    public static string Rewrite(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, ScriptOptions);
        if (tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)) return source;
        return new CellRewriter().Visit(tree.GetRoot())!.ToFullString();
    }

    private static StatementSyntax Guard(StatementSyntax body) => body switch
    {
        BlockSyntax block => block.WithStatements(block.Statements.Insert(0, Check())),
        _ => SyntaxFactory.Block(Check(), body.WithoutTrivia()).WithTriviaFrom(body),
    };

    private static BlockSyntax Guard(BlockSyntax body) => body.WithStatements(body.Statements.Insert(0, Check()));

    /// <summary>Visits the children first, then guards the node itself: a loop's body, a body's entry, a thread's start.</summary>
    public override SyntaxNode? Visit(SyntaxNode? node) => base.Visit(node) switch
    {
        WhileStatementSyntax loop => loop.WithStatement(Guard(loop.Statement)),
        DoStatementSyntax loop => loop.WithStatement(Guard(loop.Statement)),
        ForStatementSyntax loop => loop.WithStatement(Guard(loop.Statement)),
        CommonForEachStatementSyntax loop => loop.WithStatement(Guard(loop.Statement)),
        MethodDeclarationSyntax { ExpressionBody: { } arrow } method =>
            method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(ArrowToBlock(arrow, method.SemicolonToken, ReturnsValue(method.ReturnType, method.Modifiers))),
        LocalFunctionStatementSyntax { ExpressionBody: { } arrow } local =>
            local.WithExpressionBody(null).WithSemicolonToken(default).WithBody(ArrowToBlock(arrow, local.SemicolonToken, ReturnsValue(local.ReturnType, local.Modifiers))),
        BaseMethodDeclarationSyntax { Body: { } body } method => method.WithBody(Guard(body)), // methods, constructors, operators
        LocalFunctionStatementSyntax { Body: { } body } local => local.WithBody(Guard(body)),
        AccessorDeclarationSyntax { Body: { } body } accessor => accessor.WithBody(Guard(body)),
        AnonymousFunctionExpressionSyntax { Block: { } body } lambda => lambda.WithBlock(Guard(body)),
        ObjectCreationExpressionSyntax { ArgumentList.Arguments: [var start, ..] } creation when IsThread(creation.Type) =>
            creation.ReplaceNode(start.Expression, SyntaxFactory.ParseExpression("global::MovieRec.Notebooks.CellGuard.Caught(" + start.Expression.ToFullString() + ")")),
        var other => other,
    };

    /// <summary><c>Thread</c>, <c>Threading.Thread</c> or <c>System.Threading.Thread</c>, as written (the rewriter reads
    /// syntax, not symbols: a type of one's own named Thread with a delegate argument gets the wrapper too, harmlessly
    /// when its parameter is a ThreadStart, else as a compile error that sends the cell unguarded).</summary>
    private static bool IsThread(TypeSyntax type) => type switch
    {
        IdentifierNameSyntax { Identifier.ValueText: "Thread" } => true,
        QualifiedNameSyntax { Right.Identifier.ValueText: "Thread" } q => q.Left.ToString() is "Threading" or "System.Threading" or "global::System.Threading",
        _ => false,
    };

    /// <summary>An expression body as a block with the check first, rebuilt from the original text so every line break
    /// (around the arrow, inside the expression, after the semicolon) stays where it was.</summary>
    private static BlockSyntax ArrowToBlock(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon, bool returns)
    {
        var text = "{" + arrow.ArrowToken.TrailingTrivia.ToFullString() + Check().ToFullString() + (returns ? "return " : string.Empty)
            + arrow.Expression.ToFullString() + semicolon.LeadingTrivia.ToFullString() + ";}";
        return ((BlockSyntax)SyntaxFactory.ParseStatement(text)).WithLeadingTrivia(arrow.ArrowToken.LeadingTrivia).WithTrailingTrivia(semicolon.TrailingTrivia);
    }

    /// <summary>False for <c>void</c>, and for an async method returning <c>Task</c> or <c>ValueTask</c> (no value to return).</summary>
    private static bool ReturnsValue(TypeSyntax type, SyntaxTokenList modifiers)
    {
        if (type is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }) return false;
        if (!modifiers.Any(SyntaxKind.AsyncKeyword)) return true;
        var name = type switch
        {
            QualifiedNameSyntax q => q.Right,
            AliasQualifiedNameSyntax a => a.Name,
            SimpleNameSyntax s => s,
            _ => null,
        };
        return name is not IdentifierNameSyntax { Identifier.ValueText: "Task" or "ValueTask" };
    }
}
