// Runs SPARQL SELECT/ASK queries with Apache Jena ARQ over one N-Triples file, in one JVM.
// Usage: java -cp JENA_CLASSPATH RunQueries.java DATA.nt OUT_DIR QUERY.rq...
// Writes OUT_DIR/<query file name>.json (SPARQL 1.1 JSON results) per query; on a
// query that fails, OUT_DIR/<name>.error with the message.
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;

public class RunQueries {
    public static void main(String[] args) throws Exception {
        Dataset data = RDFDataMgr.loadDataset(args[0]);
        Path out = Path.of(args[1]);
        for (int i = 2; i < args.length; i++) {
            Path file = Path.of(args[i]);
            String name = file.getFileName().toString();
            try {
                Query query = QueryFactory.create(Files.readString(file, StandardCharsets.UTF_8));
                try (QueryExecution run = QueryExecutionFactory.create(query, data);
                     OutputStream sink = new FileOutputStream(out.resolve(name + ".json").toFile())) {
                    if (query.isAskType()) {
                        ResultSetFormatter.outputAsJSON(sink, run.execAsk());
                    } else {
                        ResultSetFormatter.outputAsJSON(sink, run.execSelect());
                    }
                }
            } catch (Exception exc) {
                Files.writeString(out.resolve(name + ".error"), String.valueOf(exc.getMessage()));
            }
        }
    }
}
