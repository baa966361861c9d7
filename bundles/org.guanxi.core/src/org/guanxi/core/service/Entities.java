package org.guanxi.core.service;

import org.guanxi.core.model.BaseEntity;

import jakarta.persistence.EntityManager;

/** Loading an entity for a write: it must exist, and (for an edit) still be the version the user read. */
public final class Entities {

    private Entities() {
    }

    /** {@code found}, or a {@link NotFoundException} naming the entity when it is null. */
    public static <T> T require(T found, String entity, long id) {
        if (found == null) {
            throw new NotFoundException(entity, id);
        }
        return found;
    }

    /** The entity as stored, refused as a conflict when someone changed it since {@code version} was read. */
    public static <T extends BaseEntity> T current(EntityManager em, Class<T> type, String entity, long id, long version) {
        T found = require(em.find(type, id), entity, id);
        if (found.getVersion() != version) {
            throw new ConflictException(null);
        }
        return found;
    }
}
