package dev.parley.conformance.sint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.parley.conformance.sint.TestOutcome.Status;

import org.jivesoftware.smackx.ping.PingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @Test
    void quotesJsonStrings() {
        assertThat(ReportFiles.quote("a \"b\" \\ c\nd\u0001")).isEqualTo("\"a \\\"b\\\" \\\\ c\\nd\\u0001\"");
    }

    @Test
    void quotesCsvFieldsOnlyWhenNeeded() {
        assertThat(ReportFiles.csvField("plain")).isEqualTo("plain");
        assertThat(ReportFiles.csvField("a,b \"c\"")).isEqualTo("\"a,b \"\"c\"\"\"");
    }

    @Test
    void writesSummaryJsonAndCsv(@TempDir Path directory) throws Exception {
        SintTestClass ping = SintTestClass.of(PingIntegrationTest.class);
        TestOutcome failed = new TestOutcome("XEP-0199", ping.name(), "PingIntegrationTest.pingAsync (Normal)",
                Status.FAILED, "AssertionFailedError: expected, got \"nothing\"", 12);
        ConformanceReport report = new ConformanceReport("sint.test",
                List.of(new ClassRun(ping, List.of(failed), Optional.empty(), 20)),
                ClaimedSpecifications.parse(List.of("XEP-0199")), 20);

        ReportFiles.write(report, directory);

        assertThat(Files.readString(directory.resolve(ReportFiles.SUMMARY))).isEqualTo(report.render());
        assertThat(Files.readString(directory.resolve(ReportFiles.JSON)))
                .contains("{\"id\":\"XEP-0199\",\"claimed\":true,\"passed\":0,\"failed\":1,\"impossible\":0}")
                .contains("\"claimViolations\":[\"XEP-0199: 1 test(s) failed\"]")
                .contains("\"detail\":\"AssertionFailedError: expected, got \\\"nothing\\\"\"");
        assertThat(Files.readAllLines(directory.resolve(ReportFiles.CSV))).containsExactly(
                "specification,class,test,status,millis,detail",
                "XEP-0199,org.jivesoftware.smackx.ping.PingIntegrationTest,PingIntegrationTest.pingAsync (Normal),FAILED,12,"
                        + "\"AssertionFailedError: expected, got \"\"nothing\"\"\"");
    }
}
