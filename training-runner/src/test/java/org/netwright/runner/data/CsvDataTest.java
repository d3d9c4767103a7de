package org.netwright.runner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.shape.Shape;
import org.netwright.templates.data.Dataset;

class CsvDataTest {
    @TempDir
    Path dir;

    private Dataset read(String text) throws IOException {
        return CsvData.read(Files.writeString(dir.resolve("t.csv"), text));
    }

    @Test
    void theLastColumnIsTheLabelAndNamesBecomeSortedIds() throws IOException {
        Dataset d = read("x,y,kind\n1,10,dog\n2,20,cat\n3,30,dog\n");
        assertEquals(Shape.of(2), d.sampleShape());
        assertEquals(2, d.numClasses());
        assertArrayEquals(new int[] {1, 0, 1}, d.labels());
    }

    @Test
    void aLabelIdColumnWinsWhereverItIs() throws IOException {
        Dataset d = read("label_id,a,b\n2,1,1\n0,2,2\n1,3,3\n");
        assertArrayEquals(new int[] {2, 0, 1}, d.labels());
        assertEquals(3, d.numClasses());
    }

    @Test
    void classNamesBesideALabelIdAreNotAFeature() throws IOException {
        Dataset d = read("a,b,label_id,label\n1,5,0,setosa\n2,6,1,virginica\n3,7,0,setosa\n");
        assertEquals(Shape.of(2), d.sampleShape());
        assertArrayEquals(new int[] {0, 1, 0}, d.labels());
    }

    @Test
    void featuresAreStandardised() throws IOException {
        Dataset d = read("a,b,label\n1,5,0\n2,5,1\n3,5,0\n");
        float s = (float) Math.sqrt(1.5);
        assertArrayEquals(new float[] {-s, 0, 0, 0, s, 0}, d.features(), 1e-5f);
    }

    @Test
    void quotedValuesKeepTheirCommas() throws IOException {
        Dataset d = read("a,label\n1,\"big, red\"\n2,small\n");
        assertArrayEquals(new int[] {0, 1}, d.labels());
    }

    @Test
    void aShortRowIsReportedWithItsLine() {
        var e = assertThrows(DataFileException.class, () -> read("a,b,label\n1,2,0\n1,2\n"));
        assertTrue(e.getMessage().contains("line 3 has 2 values but the header has 3 columns"), e.getMessage());
    }

    @Test
    void realDigitsCsvHas64FeaturesAndTenClasses() {
        Path csv = CliPaths.digits().resolve("digits.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(csv));
        Dataset d = CsvData.read(csv);
        assertEquals(1797, d.size());
        assertEquals(Shape.of(64), d.sampleShape());
        assertEquals(10, d.numClasses());
    }
}
