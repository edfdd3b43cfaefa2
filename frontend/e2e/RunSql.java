import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Runs the SQL on standard input against the e2e server's embedded database (args: JDBC URL). */
public class RunSql {
    public static void main(String[] args) throws Exception {
        String sql = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        try (Connection db = DriverManager.getConnection(args[0], "postgres", "postgres");
             Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
