-- flag_audit also records memory clears: it is the audit of every admin change, so it is named for that.
ALTER TABLE "flag_audit" RENAME TO "admin_audit";--> statement-breakpoint
ALTER TABLE "admin_audit" RENAME CONSTRAINT "flag_audit_pkey" TO "admin_audit_pkey";--> statement-breakpoint
ALTER SEQUENCE "flag_audit_id_seq" RENAME TO "admin_audit_id_seq";--> statement-breakpoint
ALTER INDEX "flag_audit_resource_idx" RENAME TO "admin_audit_resource_idx";--> statement-breakpoint
ALTER INDEX "flag_audit_at_idx" RENAME TO "admin_audit_at_idx";
