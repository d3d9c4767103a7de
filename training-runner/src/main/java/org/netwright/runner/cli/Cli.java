package org.netwright.runner.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.netwright.model.store.ProjectFileException;
import org.netwright.runner.run.TrainedRunException;

/**
 * The headless command line: {@code netwright templates | catalog | summary | train}. Bad input exits with
 * status 2 and one line on stderr starting {@code netwright: }; a training failure exits with 1.
 */
public final class Cli {
    static final String USAGE = "usage: netwright templates | catalog [--json]"
            + " | summary (--template ID | FILE.nwproj | FILE.json) [--json]"
            + " | train (--template ID | FILE.nwproj | FILE.json) [--data PATH|DIR|gen:NAME[:OPTIONS]]"
            + " [--label COLUMN] [--features A,B] [--missing drop|mean|mode|error] [--test PATH] [--text-column COLUMN]"
            + " [--tokenizer word|char] [--vocabulary N] [--max-length N] [--keep-case]"
            + " [--target COLUMN --window N --horizon H [--features A,B] [--relative]]"
            + " [--image-size HxW] [--grayscale] [--augment flip,crop=P,rotate=D,noise=S,jitter=J] [--cache-mb MB] [--test PATH] [--epochs N]"
            + " [--batch-size N] [--lr X] [--seed N] [--save FILE.nwproj] [--json] [--events] [--explain-task]"
            + " [--task FILE.json] [--loss L] [--optimizer O] [--momentum X] [--weight-decay X] [--l1 X]"
            + " [--schedule SPEC] [--clip-norm X] [--clip-value X] [--early-stopping P] [--monitor M] [--restore-best]"
            + " [--initializer I] [--split T,V,T] [--device auto|cpu|gpu] [--resume RUN_ID] [--dropout P] [--width N]"
            + " | generate FILE.nwproj --count N --out DIR [--run ID] [--seed S] [--class K] [--temperature T]"
            + " [--top-k K] [--per-class] [--interpolate A,B] [--json [--values]]"
            + " | " + ExportCommand.USAGE
            + " | " + BenchCommand.USAGE
            + " | " + EvaluateCommand.USAGE + " | " + PredictCommand.USAGE + " | " + ExplainCommand.USAGE
            + " | " + InspectCommand.USAGE
            + " | " + RunsCommand.USAGE
            + " | " + SweepCommand.USAGE
            + " | " + CheckCommands.OVERFIT_USAGE + " | " + CheckCommands.LR_FIND_USAGE
            + " | " + DataCommand.USAGE
            + " | " + GraphBenchCommand.USAGE
            + " | import MODEL.onnx --out PROJECT.nwproj [--json]";

    private Cli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, System.console() != null));
    }

    /** Runs one command without exiting the JVM; stdin is not read (no {@code stop} lines). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, InputStream.nullInputStream(), out, err, false);
    }

    /** Runs one command; {@code in} carries {@code stop} lines in {@code --events} mode, {@code terminal} enables the progress bar. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        try {
            if (args.length == 0) {
                throw new UsageException("no command given; " + USAGE);
            }
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            return switch (args[0]) {
                case "templates" -> TemplatesCommand.run(rest, out);
                case "catalog" -> CatalogCommand.run(rest, out);
                case "summary" -> SummaryCommand.run(rest, out);
                case "train" -> new TrainCommand(in, out, err, terminal).run(rest);
                case "bench" -> new BenchCommand(out, err).run(rest);
                case "bench-graph" -> GraphBenchCommand.run(rest, out);
                case "generate" -> GenerateCommand.run(rest, out);
                case "export" -> ExportCommand.run(rest, out);
                case "evaluate" -> EvaluateCommand.run(rest, out);
                case "predict" -> PredictCommand.run(rest, out);
                case "explain" -> ExplainCommand.run(rest, out);
                case "inspect" -> InspectCommand.run(rest, out);
                case "runs" -> RunsCommand.run(rest, out);
                case "sweep" -> SweepCommand.run(rest, out, err);
                case "check-overfit" -> CheckCommands.overfit(rest, out);
                case "lr-find" -> CheckCommands.lrFind(rest, out);
                case "data" -> DataCommand.run(rest, out);
                case "import" -> ImportCommand.run(rest, out);
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> throw new UsageException("unknown command '" + args[0] + "'; " + USAGE);
            };
        } catch (UsageException | ProjectFileException | TrainedRunException e) {
            err.println("netwright: " + oneLine(e.getMessage()));
            return 2;
        } catch (RuntimeException e) {
            // Anything else is our bug; still one line, never a stack trace, but a different status.
            err.println("netwright: internal error: " + oneLine(String.valueOf(e)));
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    static String oneLine(String message) {
        return message == null ? "" : printable(message.replaceAll("\\s*\\R\\s*", " ").trim());
    }

    /**
     * The text with every control or formatting character (terminal escapes, bidirectional overrides, stray
     * line ends) written as {@code \\uXXXX}: names and values from files are printed, and must not steer the
     * terminal or forge a line of output.
     */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            boolean unsafe = type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE && !validSurrogate(text, i);
            if (unsafe && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                if (unsafe) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean validSurrogate(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
