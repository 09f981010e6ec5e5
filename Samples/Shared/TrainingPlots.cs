using System;
using System.IO;
using System.Linq;

namespace Tensorgen.Samples;

/// <summary>
/// The samples' pictures, drawn with ScottPlot (a sample's dependency; the library has none): training curves and a
/// confusion-matrix heatmap, written as PNG files into <see cref="Directory"/> (<c>plots/</c> under the current
/// directory, or the <c>--plots DIR</c> argument).
/// </summary>
public static class TrainingPlots
{
    /// <summary>Where the pictures go: the argument after <c>--plots</c>, else <c>plots</c>.</summary>
    public static string Directory(string[] args)
    {
        int at = Array.IndexOf(args, "--plots");
        string directory = at >= 0 && at + 1 < args.Length ? args[at + 1] : "plots";
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>One or more curves over the epochs (x from 1), in one picture; returns its path.</summary>
    public static string Curves(string directory, string file, string title, string yLabel, params (string Label, double[] Values)[] curves) =>
        Curves(directory, file, title, "epoch", 1, yLabel, curves);

    /// <summary>One or more curves, point i at x = <paramref name="every"/> · (i + 1), in one picture; returns its path.</summary>
    public static string Curves(string directory, string file, string title, string xLabel, int every, string yLabel, params (string Label, double[] Values)[] curves)
    {
        var plot = new ScottPlot.Plot();
        foreach (var (label, values) in curves)
        {
            var line = plot.Add.Scatter(Enumerable.Range(1, values.Length).Select(i => (double)i * every).ToArray(), values);
            line.LegendText = label;
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        if (curves.Length > 1) plot.ShowLegend();
        string path = Path.Combine(directory, file);
        plot.SavePng(path, 800, 500);
        return path;
    }

    /// <summary>A confusion matrix as a heatmap, counts written in the cells (rows: true class, columns: predicted); returns its path.</summary>
    public static string Confusion(string directory, string file, string title, int[,] counts)
    {
        int classes = counts.GetLength(0);
        var cells = new double[classes, classes];
        for (int t = 0; t < classes; t++)
            for (int p = 0; p < classes; p++) cells[t, p] = counts[t, p];
        var plot = new ScottPlot.Plot();
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        // Row t is drawn at y = classes - 1 - t (the first row on top), column p at x = p; ticks name the digits.
        for (int t = 0; t < classes; t++)
            for (int p = 0; p < classes; p++)
            {
                var text = plot.Add.Text(counts[t, p].ToString(System.Globalization.CultureInfo.InvariantCulture), p, classes - 1 - t);
                text.LabelFontColor = counts[t, p] > 0.5 * cells.Cast<double>().Max() ? ScottPlot.Colors.Black : ScottPlot.Colors.White;
                text.LabelAlignment = ScottPlot.Alignment.MiddleCenter;
            }
        plot.Add.ColorBar(heatmap);
        var positions = Enumerable.Range(0, classes).Select(i => (double)i).ToArray();
        var names = Enumerable.Range(0, classes).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        plot.Axes.Bottom.SetTicks(positions, names);
        plot.Axes.Left.SetTicks(positions, names.Reverse().ToArray());
        plot.Axes.SetLimits(-0.5, classes - 0.5, -0.5, classes - 0.5);
        plot.Title(title);
        plot.XLabel("predicted digit");
        plot.YLabel("true digit");
        string path = Path.Combine(directory, file);
        plot.SavePng(path, 700, 640);
        return path;
    }
}
