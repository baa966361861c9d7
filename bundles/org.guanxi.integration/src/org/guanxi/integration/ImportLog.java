package org.guanxi.integration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.guanxi.core.AppClock;

/**
 * The INTEGRATION_FILE table: every inbound file with its content hash and outcome. A file whose hash was
 * imported before by the same route is a duplicate; the counts feed the Integration view.
 */
public class ImportLog {

    public enum Status { DONE, DUPLICATE, FAILED }

    /** Per route: files done, files failed, the last failure. */
    public record Counts(long done, long failed, String lastError) {
    }

    private final DataSource dataSource;

    public ImportLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether a file of this name and content was imported before. */
    public boolean isDone(String routeId, String fileName, String hash) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM INTEGRATION_FILE WHERE ROUTE_ID = ? AND CONTENT_HASH = ? AND FILE_NAME = ? AND STATUS = 'DONE'")) {
            ps.setString(1, routeId);
            ps.setString(2, hash);
            ps.setString(3, stored(fileName));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** FILE_NAME holds 260 characters. */
    private static String stored(String fileName) {
        return fileName.length() > 260 ? fileName.substring(0, 260) : fileName;
    }

    public void record(String routeId, String fileName, String hash, Status status, int rows, String message) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO INTEGRATION_FILE (ROUTE_ID, FILE_NAME, CONTENT_HASH, STATUS, ROW_COUNT, MESSAGE, RECEIVED_AT) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, routeId);
            ps.setString(2, stored(fileName));
            ps.setString(3, hash);
            ps.setString(4, status.name());
            ps.setInt(5, rows);
            ps.setString(6, message == null || message.length() <= 2000 ? message : message.substring(0, 1999) + "…");
            ps.setTimestamp(7, Timestamp.from(AppClock.now()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Counts> counts() {
        Map<String, Counts> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT ROUTE_ID, "
                        + "SUM(CASE WHEN STATUS = 'FAILED' THEN 0 ELSE 1 END), SUM(CASE WHEN STATUS = 'FAILED' THEN 1 ELSE 0 END) "
                        + "FROM INTEGRATION_FILE GROUP BY ROUTE_ID");
                PreparedStatement last = c.prepareStatement("SELECT FILE_NAME, MESSAGE FROM INTEGRATION_FILE "
                        + "WHERE ROUTE_ID = ? AND STATUS = 'FAILED' ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String route = rs.getString(1);
                String lastError = null;
                if (rs.getLong(3) > 0) {
                    last.setString(1, route);
                    try (ResultSet l = last.executeQuery()) {
                        if (l.next()) {
                            lastError = l.getString(2);
                        }
                    }
                }
                out.put(route, new Counts(rs.getLong(2), rs.getLong(3), lastError));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
