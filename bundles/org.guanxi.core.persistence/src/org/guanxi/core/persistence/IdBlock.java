package org.guanxi.core.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.guanxi.core.db.SqlDialect;

/**
 * Ids for plain-JDBC bulk inserts, taken from the same sequence as EclipseLink and with its block convention:
 * a sequence value v reserves the ids v-49 … v.
 */
public final class IdBlock {

    private static final int SIZE = 50;
    private final Connection connection;
    private long next;
    private long last = -1;

    public IdBlock(Connection connection) {
        this.connection = connection;
    }

    public long next() throws SQLException {
        if (next > last) {
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery(SqlDialect.of(connection).nextValue("GX_ID_SEQ"))) {
                rs.next();
                last = rs.getLong(1);
                next = last - SIZE + 1;
            }
        }
        return next++;
    }
}
