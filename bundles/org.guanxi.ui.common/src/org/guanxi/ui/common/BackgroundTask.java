package org.guanxi.ui.common;

import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.widgets.Control;

/**
 * Runs a long service call (whole-base analyses) as a user job with progress 0–1000 and a Cancel button that
 * interrupts the worker, then hands the result to the UI thread, unless the view was closed meanwhile.
 */
public final class BackgroundTask {

    /** The service call; it reports progress and stops when its thread is interrupted. */
    public interface Work<T> {
        T run(IntConsumer progress);
    }

    private BackgroundTask() {
    }

    /**
     * @param done on the UI thread with the result (null unless it succeeded) and whether the user cancelled;
     *        failures are shown as errors first
     */
    public static <T> void run(String name, Control owner, Work<T> work, BiConsumer<T, Boolean> done) {
        Object[] result = new Object[1];
        Job job = Job.create(name, (IProgressMonitor monitor) -> {
            monitor.beginTask(name, 1000);
            Thread worker = Thread.currentThread();
            int[] reported = { 0 };
            try {
                result[0] = work.run(n -> {
                    monitor.worked(n - reported[0]);
                    reported[0] = n;
                    if (monitor.isCanceled()) {
                        worker.interrupt();
                    }
                });
                return Status.OK_STATUS;
            } catch (CancellationException e) {
                return Status.CANCEL_STATUS;
            } finally {
                Thread.interrupted();
                monitor.done();
            }
        });
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                IStatus status = event.getResult();
                if (owner.isDisposed()) {
                    return;
                }
                owner.getDisplay().asyncExec(() -> {
                    if (owner.isDisposed()) {
                        return;
                    }
                    if (status.getSeverity() == IStatus.ERROR) {
                        Errors.show(owner.getShell(), status.getException());
                        done.accept(null, false);
                    } else {
                        boolean cancelled = status.getSeverity() == IStatus.CANCEL;
                        @SuppressWarnings("unchecked")
                        T value = cancelled ? null : (T) result[0];
                        done.accept(value, cancelled);
                    }
                });
            }
        });
        job.setUser(true);
        job.schedule();
    }
}
