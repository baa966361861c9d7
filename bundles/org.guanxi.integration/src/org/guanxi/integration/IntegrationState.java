package org.guanxi.integration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

import javax.sql.DataSource;

import org.guanxi.core.AppClock;

/** Named values the routes keep between runs (INTEGRATION_STATE), e.g. the last ERP update read. */
final class IntegrationState {

    private final DataSource dataSource;

    IntegrationState(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    String get(String name, String fallback) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT VAL FROM INTEGRATION_STATE WHERE NAME = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : fallback;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** UPDATE, then INSERT when there was nothing: Derby's network server cannot prepare a MERGE with parameters. */
    void put(String name, String value) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement up = c.prepareStatement("UPDATE INTEGRATION_STATE SET VAL = ?, UPDATED_AT = ? WHERE NAME = ?")) {
            Timestamp now = Timestamp.from(AppClock.now());
            up.setString(1, value);
            up.setTimestamp(2, now);
            up.setString(3, name);
            if (up.executeUpdate() == 0) {
                try (PreparedStatement in = c.prepareStatement("INSERT INTO INTEGRATION_STATE (NAME, VAL, UPDATED_AT) VALUES (?, ?, ?)")) {
                    in.setString(1, name);
                    in.setString(2, value);
                    in.setTimestamp(3, now);
                    in.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
