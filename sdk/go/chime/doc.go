// Amazon Chime SDK meetings and attendees as Pulumi resources: the provider plugin of pulumi-chime-sdk (pulumi-resource-chime).
package chime
