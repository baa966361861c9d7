package org.guanxi.updates;

import java.net.URI;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.engine.IProvisioningPlan;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.operations.ProvisioningJob;
import org.eclipse.equinox.p2.operations.ProvisioningSession;
import org.eclipse.equinox.p2.operations.UpdateOperation;
import org.eclipse.equinox.p2.planner.IPlanner;
import org.eclipse.equinox.p2.planner.IProfileChangeRequest;
import org.eclipse.equinox.p2.planner.ProfileInclusionRules;
import org.eclipse.equinox.p2.query.IQueryResult;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * This installation's modules (the features {@code org.guanxi.<module>.feature}, each a root of the p2 profile) and the
 * p2 operations that update, add and remove them from an update repository. Every change is one p2 provisioning plan,
 * which the engine applies as a whole or not at all, so a failed change leaves the installation as it was; what
 * changed takes effect at the next start.
 */
public final class Installation {

    private static final String BUNDLE = "org.guanxi.updates";
    private static final Pattern MODULE = Pattern.compile("org\\.guanxi\\.(\\w+)\\.feature\\.feature\\.group");
    /** The module every other one runs on (the application itself): updated, never removed. */
    public static final String PLATFORM = "platform";
    /** Third-party bundles the modules run on: part of the product, not a module anyone chooses. */
    private static final Set<String> NOT_MODULES = Set.of("runtime");

    /** A module as installed here and as offered by the repository (either may be null). */
    public record Module(String id, String name, String description, String installed, String available) {

        public boolean isInstalled() {
            return installed != null;
        }

        /** The repository holds a newer build than the installed one. */
        public boolean hasUpdate() {
            return installed != null && available != null && !installed.equals(available)
                    && org.eclipse.equinox.p2.metadata.Version.create(available)
                            .compareTo(org.eclipse.equinox.p2.metadata.Version.create(installed)) > 0;
        }
    }

    private final IProvisioningAgent agent;

    private Installation(IProvisioningAgent agent) {
        this.agent = agent;
    }

    /** The profile as it is now (each change makes a new one). */
    private IProfile profile() {
        return agent.getService(IProfileRegistry.class).getProfile(IProfileRegistry.SELF);
    }

    /** The running installation, or a clear error when it was not installed by p2 (a development or test run). */
    public static Installation current() {
        BundleContext bundles = FrameworkUtil.getBundle(Installation.class).getBundleContext();
        // the agent p2 registers for the running system ("current"): one profile cache for everybody
        ServiceReference<IProvisioningAgent> reference = bundles.getServiceReference(IProvisioningAgent.class);
        IProvisioningAgent agent = reference == null ? null : bundles.getService(reference);
        IProfileRegistry profiles = agent == null ? null : agent.getService(IProfileRegistry.class);
        IProfile self = profiles == null ? null : profiles.getProfile(IProfileRegistry.SELF);
        if (self == null) {
            throw new IllegalStateException(Texts.get("notManaged"));
        }
        return new Installation(agent);
    }

    /** The modules installed here and in {@code repository}, by name in the user's language. */
    public List<Module> modules(URI repository, IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, Texts.get("reading", repository), 2);
        Map<String, IInstallableUnit> installed = moduleUnits(profile().query(QueryUtil.createIUGroupQuery(), progress.split(1)));
        Map<String, IInstallableUnit> offered = moduleUnits(load(repository, progress.split(1))
                .query(QueryUtil.createLatestQuery(QueryUtil.createIUGroupQuery()), null));
        Map<String, Module> modules = new HashMap<>();
        for (String id : union(installed.keySet(), offered.keySet())) {
            IInstallableUnit any = offered.getOrDefault(id, installed.get(id));
            modules.put(id, new Module(id, property(any, IInstallableUnit.PROP_NAME, id),
                    property(any, IInstallableUnit.PROP_DESCRIPTION, ""), version(installed.get(id)), version(offered.get(id))));
        }
        Collator collator = Collator.getInstance(Locale.getDefault());
        List<Module> sorted = new ArrayList<>(modules.values());
        sorted.sort(Comparator.comparing(Module::name, collator));
        return sorted;
    }

    /**
     * Installs the modules {@code add} from {@code repository} (with the modules they need, each a root of its own)
     * and removes the modules {@code remove}, in one plan. Data stays in the database.
     */
    public IStatus change(URI repository, Set<String> add, Set<String> remove, IProgressMonitor monitor) throws CoreException {
        if (remove.contains(PLATFORM)) {
            throw new IllegalArgumentException(Texts.get("platformStays"));
        }
        SubMonitor progress = SubMonitor.convert(monitor, Texts.get("changing"), 12);
        Map<String, IInstallableUnit> offered = moduleUnits(load(repository, progress.split(1))
                .query(QueryUtil.createLatestQuery(QueryUtil.createIUGroupQuery()), null));
        Map<String, IInstallableUnit> installed = moduleUnits(profile().query(QueryUtil.createIUGroupQuery(), null));
        IPlanner planner = agent.getService(IPlanner.class);
        ProvisioningContext context = context(repository);
        Set<String> roots = new java.util.TreeSet<>(add);
        IProvisioningPlan plan = null;
        // a module another one needs comes along; it becomes a root too, so that it can be updated and removed by
        // itself later: plan again with it until nothing more comes along
        for (int pass = 0; pass < 3; pass++) {
            IProfileChangeRequest request = planner.createChangeRequest(profile());
            for (String id : roots) {
                IInstallableUnit unit = offered.get(id);
                if (unit == null) {
                    throw new IllegalArgumentException(Texts.get("notOffered", id));
                }
                request.add(unit);
                request.setInstallableUnitProfileProperty(unit, IProfile.PROP_PROFILE_ROOT_IU, Boolean.TRUE.toString());
                request.setInstallableUnitInclusionRules(unit, ProfileInclusionRules.createStrictInclusionRule(unit));
            }
            for (String id : remove) {
                IInstallableUnit unit = installed.get(id);
                if (unit != null) {
                    request.remove(unit);
                    request.removeInstallableUnitProfileProperty(unit, IProfile.PROP_PROFILE_ROOT_IU);
                }
            }
            plan = planner.getProvisioningPlan(request, context, progress.split(2));
            if (plan.getStatus().getSeverity() == IStatus.ERROR || plan.getStatus().getSeverity() == IStatus.CANCEL) {
                return plan.getStatus();
            }
            Set<String> pulled = new java.util.TreeSet<>(moduleUnits(plan.getFutureState()
                    .query(QueryUtil.createIUGroupQuery(), null)).keySet());
            pulled.removeAll(installed.keySet());
            pulled.removeAll(roots);
            if (pulled.isEmpty()) {
                break;
            }
            roots.addAll(pulled);
        }
        // the planner keeps a module another installed one needs, without an error: say so instead of "done"
        Set<String> future = moduleUnits(plan.getFutureState().query(QueryUtil.createIUGroupQuery(), null)).keySet();
        for (String id : remove) {
            if (future.contains(id)) {
                return new Status(IStatus.ERROR, BUNDLE, Texts.get("stillNeeded", name(installed.get(id), id)));
            }
        }
        return new ProvisioningSession(agent).performProvisioningPlan(plan, null, context, progress.split(5));
    }

    /** Applies the newer builds {@code repository} holds of the installed modules; OK with nothing to do is INFO. */
    public IStatus update(URI repository, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, Texts.get("updating"), 10);
        refresh(repository, progress.split(1));
        // the installed modules, roots or not: the product's own unit is not on the update site
        UpdateOperation operation = new UpdateOperation(new ProvisioningSession(agent),
                moduleUnits(profile().query(QueryUtil.createIUGroupQuery(), null)).values());
        operation.setProfileId(profile().getProfileId());
        operation.setProvisioningContext(context(repository));
        IStatus resolved = operation.resolveModal(progress.split(3));
        if (resolved.getCode() == UpdateOperation.STATUS_NOTHING_TO_UPDATE) {
            return new Status(IStatus.INFO, BUNDLE, UpdateOperation.STATUS_NOTHING_TO_UPDATE, Texts.get("nothing"), null);
        }
        if (resolved.getSeverity() == IStatus.ERROR || resolved.getSeverity() == IStatus.CANCEL) {
            return resolved;
        }
        ProvisioningJob job = operation.getProvisioningJob(progress.split(1));
        return job == null ? operation.getResolutionResult() : job.runModal(progress.split(6));
    }

    /** The repository as it is now: the agent lives as long as the application and caches what it read. */
    private IMetadataRepository load(URI repository, IProgressMonitor monitor) throws CoreException {
        refresh(repository, monitor);
        return agent.getService(IMetadataRepositoryManager.class).loadRepository(repository, monitor);
    }

    private void refresh(URI repository, IProgressMonitor monitor) {
        IMetadataRepositoryManager metadata = agent.getService(IMetadataRepositoryManager.class);
        IArtifactRepositoryManager artifacts = agent.getService(IArtifactRepositoryManager.class);
        try {
            if (metadata.contains(repository)) {
                metadata.refreshRepository(repository, monitor);
            }
            if (artifacts.contains(repository)) {
                artifacts.refreshRepository(repository, monitor);
            }
        } catch (ProvisionException e) {
            // not readable now: loading it says why
            metadata.removeRepository(repository);
            artifacts.removeRepository(repository);
        }
    }

    private ProvisioningContext context(URI repository) {
        ProvisioningContext context = new ProvisioningContext(agent);
        context.setMetadataRepositories(new URI[] { repository });
        context.setArtifactRepositories(new URI[] { repository });
        return context;
    }

    private static String name(IInstallableUnit unit, String fallback) {
        return unit == null ? fallback : property(unit, IInstallableUnit.PROP_NAME, fallback);
    }

    private static Map<String, IInstallableUnit> moduleUnits(IQueryResult<IInstallableUnit> units) {
        Map<String, IInstallableUnit> modules = new HashMap<>();
        for (IInstallableUnit unit : units) {
            String id = moduleId(unit);
            if (id != null && !NOT_MODULES.contains(id)) {
                modules.merge(id, unit, (a, b) -> a.getVersion().compareTo(b.getVersion()) >= 0 ? a : b);
            }
        }
        return modules;
    }

    /** The module a feature group is, or null for anything else. */
    static String moduleId(IInstallableUnit unit) {
        Matcher m = MODULE.matcher(unit.getId());
        return m.matches() ? m.group(1) : null;
    }

    private static String property(IInstallableUnit unit, String key, String fallback) {
        String value = unit.getProperty(key, Locale.getDefault().toString());
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String version(IInstallableUnit unit) {
        return unit == null ? null : unit.getVersion().toString();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
