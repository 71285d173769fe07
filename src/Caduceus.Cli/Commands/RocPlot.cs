using Caduceus.Evaluation.Injection;

namespace Caduceus.Cli.Commands;

/// <summary>Draws a ROC curve as a PNG with ScottPlot.</summary>
internal static class RocPlot
{
    public static void Write(InjectionEvaluationReport report, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var plot = new ScottPlot.Plot();
        double[] falsePositiveRates = [.. report.Roc.Select(p => p.FalsePositiveRate)];
        double[] truePositiveRates = [.. report.Roc.Select(p => p.TruePositiveRate)];
        var curve = plot.Add.Scatter(falsePositiveRates, truePositiveRates);
        curve.LegendText = double.IsNaN(report.Auc) ? "ROC" : $"ROC (AUC {report.Auc:0.000})";
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LinePattern = ScottPlot.LinePattern.Dashed;
        chance.LegendText = "chance";
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.XLabel("False-positive rate (benign texts flagged)");
        plot.YLabel("True-positive rate (attacks flagged)");
        plot.Title("Caduceus injection detection");
        plot.ShowLegend();
        plot.SavePng(path, 640, 480);
    }
}
