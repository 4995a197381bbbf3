namespace MLOps.Core.Data.Profiling;

/// <summary>
/// Exact counts on a fine grid whose range is not known in advance: 8,192 cells of a power-of-two width,
/// anchored at 0. When a value falls outside the window the width doubles (pairs of cells merge exactly,
/// since the grids nest) until the observed range fills at most half the cells, and the window is
/// re-centred on it, so growth (an allocation) is rare even for a steadily growing range (timestamps), the
/// grid never holds more than 8,192 counts and a cell is at most 1/2,048 of the observed range wide. <see cref="Bin"/> re-bins it into equal bins
/// between the observed min and max; only the cells a bin edge cuts through can land in the wrong bin.
/// </summary>
internal sealed class FineGrid
{
    private const int Cells = 8192;

    private long[] _counts = new long[Cells];
    private double _width;   // a power of two
    private double _inverse; // 1 / _width, exact
    private double _origin;  // absolute index (value / width, floored) of cell 0
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    public static int RetainedBytes => Cells * sizeof(long);

    /// <summary>False once the observed range overflowed a double (values near ±1.8e308): the grid stops counting.</summary>
    public bool Usable { get; private set; } = true;

    public void Add(double value)
    {
        if (!Usable)
        {
            return;
        }
        if (_width == 0)
        {
            double magnitude = Math.Abs(value);
            _width = Math.ScaleB(1, Math.Max(-1000, (magnitude > 0 ? Math.ILogB(magnitude) : 0) - 40)); // 1 / width stays finite
            _inverse = 1 / _width;
            _origin = Math.Floor(value * _inverse) - (Cells / 2);
        }
        double cell = Math.Floor(value * _inverse) - _origin;
        if (cell < 0 || cell >= Cells)
        {
            _min = Math.Min(_min, value);
            _max = Math.Max(_max, value);
            if (!double.IsFinite(_max - _min))
            {
                Usable = false;
                return;
            }
            Grow();
            cell = Math.Floor(value * _inverse) - _origin;
        }
        else
        {
            if (value < _min)
            {
                _min = value;
            }
            if (value > _max)
            {
                _max = value;
            }
        }
        _counts[(int)cell]++;
    }

    /// <summary>Counts per equal-width bin between the observed min and max (all in bin 0 when they are equal).</summary>
    public long[] Bin(int bins)
    {
        var result = new long[bins];
        for (int i = 0; i < Cells; i++)
        {
            if (_counts[i] == 0)
            {
                continue;
            }
            double center = Math.Clamp((_origin + i + 0.5) * _width, _min, _max);
            result[SchemaHistogram.BinOf(center, _min, _max, bins)] += _counts[i];
        }
        return result;
    }

    // Doubles the width until the observed range fills at most half the window, then re-centres the window on it.
    private void Grow()
    {
        double width = _width;
        double spanCells = (_max - _min) / width;
        if (spanCells > Cells)
        {
            width = Math.Max(_width, Math.ScaleB(1, Math.ILogB(_max - _min) - Math.ILogB(Cells)));
        }
        while (Math.Floor(_max / width) - Math.Floor(_min / width) + 1 > Cells / 2)
        {
            width *= 2;
        }
        double low = Math.Floor(_min / width), high = Math.Floor(_max / width);
        double origin = low - Math.Floor((Cells - (high - low + 1)) / 2);
        double factor = width / _width;
        var counts = new long[Cells];
        for (int i = 0; i < Cells; i++)
        {
            if (_counts[i] != 0)
            {
                counts[(int)(Math.Floor((_origin + i) / factor) - origin)] += _counts[i];
            }
        }
        _counts = counts;
        _width = width;
        _inverse = 1 / width;
        _origin = origin;
    }
}
