package org.netwright.runner.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a text into tokens the way a text classifier reads it: HTML tags stripped and the common entities decoded,
 * optionally lower-cased, then words (runs of letters and digits, with inner apostrophes, and each punctuation mark on
 * its own) or single characters (runs of white space as one space).
 *
 * @param kind      {@code word} or {@code char}
 * @param lowercase whether to lower-case first
 */
public record Tokenizer(String kind, boolean lowercase) {
    private static final Pattern TAG = Pattern.compile("<[^<>]{0,1000}>");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['\u2019][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    public Tokenizer {
        if (!kind.equals("word") && !kind.equals("char")) {
            throw new IllegalArgumentException("A tokenizer is word or char; got '" + kind + "'");
        }
    }

    /** The text's tokens, in order. */
    public List<String> tokens(String text) {
        String t = clean(text);
        List<String> out = new ArrayList<>();
        if (kind.equals("word")) {
            Matcher m = WORD.matcher(t);
            while (m.find()) {
                out.add(m.group());
            }
        } else {
            SPACE.matcher(t.strip()).replaceAll(" ").codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        }
        return out;
    }

    /** The text with HTML tags replaced by spaces, the common entities decoded and, when asked, lower-cased. */
    public String clean(String text) {
        String t = TAG.matcher(text).replaceAll(" ");
        if (t.indexOf('&') >= 0) {
            t = t.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        }
        return lowercase ? t.toLowerCase(Locale.ROOT) : t;
    }
}
