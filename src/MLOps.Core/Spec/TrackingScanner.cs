using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace MLOps.Core.Spec;

/// <summary>
/// YamlDotNet's scanner, watched: it remembers the first alias (<c>*name</c>) used before any anchor
/// (<c>&amp;name</c>) of that name, which YamlDotNet reports without a position.
/// </summary>
internal sealed class TrackingScanner(IScanner inner) : IScanner
{
    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);

    /// <summary>Where the first alias with no anchor before it starts, if any.</summary>
    public Mark? UndefinedAlias { get; private set; }

    public Mark CurrentPosition => inner.CurrentPosition;

    public Token? Current => inner.Current;

    public bool MoveNext()
    {
        if (inner.Current is not null)
        {
            inner.ConsumeCurrent();
        }

        return MoveNextWithoutConsuming();
    }

    public bool MoveNextWithoutConsuming()
    {
        bool moved = inner.MoveNextWithoutConsuming();
        switch (inner.Current)
        {
            case Anchor anchor:
                _anchors.Add(anchor.Value.ToString());
                break;
            case AnchorAlias alias when UndefinedAlias is null && !_anchors.Contains(alias.Value.ToString()):
                UndefinedAlias = alias.Start;
                break;
        }

        return moved;
    }

    public void ConsumeCurrent() => inner.ConsumeCurrent();
}
